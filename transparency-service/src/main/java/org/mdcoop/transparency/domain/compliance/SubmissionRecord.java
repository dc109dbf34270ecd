package org.mdcoop.transparency.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;

/** A submitted disclosure version as the deadline clocks see it (drafts are not submissions). */
public record SubmissionRecord(Party party, DisclosureKind kind, ReportingRound round, int version,
        Instant submittedAt, LocalDate changeOccurredOn) {

    /** From a disclosure that has been submitted (SUBMITTED or SUPERSEDED). */
    public static SubmissionRecord of(Disclosure d) {
        if (!d.status().isSubmitted()) {
            throw new IllegalArgumentException("a draft is not a submission");
        }
        return new SubmissionRecord(d.party(), d.kind(), d.round(), d.version(), d.submittedAt(),
                d.changeOccurredOn());
    }

    public static SubmissionRecord initial(Party party, DisclosureKind kind, ReportingRound round,
            Instant submittedAt) {
        return new SubmissionRecord(party, kind, round, 1, submittedAt, null);
    }
}
