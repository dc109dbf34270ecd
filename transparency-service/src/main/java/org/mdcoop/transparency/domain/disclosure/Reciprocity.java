package org.mdcoop.transparency.domain.disclosure;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.ReportingRound;

/**
 * The reciprocity rule, as pure functions.
 *
 * <ul>
 * <li>A party always reads its own disclosures, drafts and superseded versions included, whether or not the
 * agreement is in force.</li>
 * <li>The other party never sees a DRAFT: not in lists, not by id, not in error messages ({@link Access#HIDDEN} —
 * answer it exactly like a missing id).</li>
 * <li>The other party reads a SUBMITTED or SUPERSEDED disclosure of kind K for round R only if it has itself
 * submitted a disclosure of K for R (any version, now SUBMITTED or SUPERSEDED), and only while an agreement with
 * TRANSPARENCY is in force.</li>
 * </ul>
 */
public final class Reciprocity {

    /** A kind and a round, e.g. the set of (kind, round) the reader has submitted. */
    public record KindRound(DisclosureKind kind, ReportingRound round) {
    }

    /** The outcome, with the reason when denied. */
    public enum Access {
        /** Reader owns it. */
        OWN(true),
        /** Other party's submitted disclosure, reciprocity met, transparency in force. */
        RECIPROCAL(true),
        /** Other party's draft: must be indistinguishable from "does not exist" (404). */
        HIDDEN(false),
        /** Reader has not submitted its own disclosure of this kind for this round. */
        RECIPROCITY_NOT_MET(false),
        /** No agreement with TRANSPARENCY is in force. */
        TRANSPARENCY_NOT_IN_FORCE(false);

        private final boolean allowed;

        Access(boolean allowed) {
            this.allowed = allowed;
        }

        public boolean allowed() {
            return allowed;
        }
    }

    private Reciprocity() {
    }

    public static boolean canRead(Party reader, Party owner, DisclosureStatus status, DisclosureKind kind,
            ReportingRound round, Set<KindRound> readerSubmitted, boolean transparencyInForce) {
        return decide(reader, owner, status, kind, round, readerSubmitted, transparencyInForce).allowed();
    }

    public static Access decide(Party reader, Party owner, DisclosureStatus status, DisclosureKind kind,
            ReportingRound round, Set<KindRound> readerSubmitted, boolean transparencyInForce) {
        if (reader == owner) {
            return Access.OWN;
        }
        if (!status.isSubmitted()) {
            return Access.HIDDEN;
        }
        if (!transparencyInForce) {
            return Access.TRANSPARENCY_NOT_IN_FORCE;
        }
        if (readerSubmitted == null || !readerSubmitted.contains(new KindRound(kind, round))) {
            return Access.RECIPROCITY_NOT_MET;
        }
        return Access.RECIPROCAL;
    }

    /** The (kind, round) pairs {@code party} has submitted (SUBMITTED or SUPERSEDED versions) among {@code all}. */
    public static Set<KindRound> submittedBy(Party party, Collection<Disclosure> all) {
        return all.stream()
                .filter(d -> d.party() == party && d.status().isSubmitted())
                .map(d -> new KindRound(d.kind(), d.round()))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Access decide(Party reader, Disclosure d, Set<KindRound> readerSubmitted,
            boolean transparencyInForce) {
        return decide(reader, d.party(), d.status(), d.kind(), d.round(), readerSubmitted, transparencyInForce);
    }
}
