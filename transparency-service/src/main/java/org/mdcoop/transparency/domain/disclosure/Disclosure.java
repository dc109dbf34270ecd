package org.mdcoop.transparency.domain.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.TransparencyEvent;

/**
 * One version of a party's disclosure of one kind for one reporting round.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --(next version submitted)--> SUPERSEDED
 * </pre>
 *
 * The series for (party, kind, round) is versions 1, 2, 3, ... At most one version is SUBMITTED at a time and at
 * most one DRAFT exists (the next version). Version 1 is created with {@link #firstDraft}; a change is made with
 * {@link #revise}, which starts version n+1 from the SUBMITTED version n and must say when the real-world change
 * happened ({@code changeOccurredOn}, drives the 5-day change deadline). Submitting version n+1 supersedes version n
 * and records the {@link ChangeNotice} from n to n+1.
 */
public final class Disclosure {

    private final UUID id;
    private final Party party;
    private final DisclosureKind kind;
    private final ReportingRound round;
    private final int version;
    private final Instant createdAt;
    private DisclosureStatus status;
    private DisclosureContent content;
    private LocalDate changeOccurredOn;
    private Instant updatedAt;
    private Instant submittedAt;
    private Instant supersededAt;
    private ChangeNotice changeNotice;

    private Disclosure(UUID id, Party party, DisclosureKind kind, ReportingRound round, int version,
            DisclosureStatus status, DisclosureContent content, LocalDate changeOccurredOn, Instant createdAt,
            Instant updatedAt, Instant submittedAt, Instant supersededAt, ChangeNotice changeNotice) {
        this.id = Objects.requireNonNull(id, "id");
        this.party = Objects.requireNonNull(party, "party");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.round = Objects.requireNonNull(round, "round");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.content = Objects.requireNonNull(content, "content");
        this.changeOccurredOn = changeOccurredOn;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.supersededAt = supersededAt;
        this.changeNotice = changeNotice;
    }

    /** Version 1 of a new series, as a DRAFT. Validates the content (every field). */
    public static Disclosure firstDraft(UUID id, Party party, ReportingRound round, DisclosureContent content,
            Instant now) {
        requireContent(content);
        return new Disclosure(id, party, content.kind(), round, 1, DisclosureStatus.DRAFT, content, null, now, now,
                null, null, null);
    }

    /**
     * Starts version n+1 (DRAFT) from the SUBMITTED version n {@code current}. {@code changeOccurredOn} is the date
     * the disclosed facts changed; it must not lie after today ({@code now}, UTC).
     *
     * @throws IllegalTransition if {@code current} is a DRAFT (edit it instead) or SUPERSEDED (not the latest)
     */
    public static Disclosure revise(UUID id, Disclosure current, DisclosureContent content,
            LocalDate changeOccurredOn, Instant now) {
        if (current.status != DisclosureStatus.SUBMITTED) {
            throw new IllegalTransition(current.status.name(), "revise", current.allowedActions(),
                    current.status == DisclosureStatus.DRAFT
                            ? "version " + current.version + " is still a draft; edit or submit it instead"
                            : "version " + current.version + " is superseded; revise the latest submitted version");
        }
        requireContent(content);
        if (content.kind() != current.kind) {
            throw ValidationFailed.of("kind", "must be " + current.kind + " like the version it revises");
        }
        requireChangeDate(changeOccurredOn, now);
        return new Disclosure(id, current.party, current.kind, current.round, current.version + 1,
                DisclosureStatus.DRAFT, content, changeOccurredOn, now, now, null, null, null);
    }

    /** Rebuilds a disclosure from storage; no rules are checked. */
    public static Disclosure restore(UUID id, Party party, DisclosureKind kind, ReportingRound round, int version,
            DisclosureStatus status, DisclosureContent content, LocalDate changeOccurredOn, Instant createdAt,
            Instant updatedAt, Instant submittedAt, Instant supersededAt, ChangeNotice changeNotice) {
        return new Disclosure(id, party, kind, round, version, status, content, changeOccurredOn, createdAt,
                updatedAt, submittedAt, supersededAt, changeNotice);
    }

    /** Replaces the content of a DRAFT. For a revision, {@code changeOccurredOn} may be updated too (null = keep). */
    public void editDraft(DisclosureContent newContent, LocalDate newChangeOccurredOn, Instant now) {
        requireState(DisclosureStatus.DRAFT, "edit");
        requireContent(newContent);
        if (newContent.kind() != kind) {
            throw ValidationFailed.of("kind", "must stay " + kind);
        }
        if (newChangeOccurredOn != null) {
            if (version == 1) {
                throw ValidationFailed.of("changeOccurredOn", "applies only to a revision (version 2 and later)");
            }
            requireChangeDate(newChangeOccurredOn, now);
            this.changeOccurredOn = newChangeOccurredOn;
        }
        this.content = newContent;
        this.updatedAt = now;
    }

    /**
     * Submits this DRAFT. For version 1 {@code previous} must be null; for version n+1 it must be the SUBMITTED
     * version n of the same series, which becomes SUPERSEDED, and the change notice n → n+1 is computed (it must
     * not be empty).
     *
     * @return the submission, and for a revision the supersession of {@code previous} after it (both carry the change
     *         notice)
     * @throws RuleViolation {@code transparency-not-in-force} when no agreement with TRANSPARENCY is in force
     */
    public List<TransparencyEvent> submit(Instant now, Disclosure previous, boolean transparencyInForce) {
        requireState(DisclosureStatus.DRAFT, "submit");
        if (!transparencyInForce) {
            throw new RuleViolation("transparency-not-in-force",
                    "No agreement covering TRANSPARENCY is in force; disclosures cannot be submitted");
        }
        if (version == 1) {
            if (previous != null) {
                throw new IllegalArgumentException("version 1 has no previous version");
            }
            markSubmitted(now);
            return List.of(submitted(null));
        }
        if (previous == null || !previous.party.equals(party) || previous.kind != kind
                || !previous.round.equals(round) || previous.version != version - 1) {
            throw new IllegalArgumentException("previous must be version " + (version - 1) + " of the same series");
        }
        if (previous.status != DisclosureStatus.SUBMITTED) {
            throw new RuleViolation("stale-version", "Version " + previous.version + " is no longer the submitted one");
        }
        ChangeNotice notice = ChangeNotice.between(previous.version, previous.content, version, content);
        if (notice.hasNoChanges()) {
            throw new RuleViolation("no-change",
                    "Version " + version + " does not change anything from version " + previous.version);
        }
        previous.status = DisclosureStatus.SUPERSEDED;
        previous.supersededAt = now;
        previous.updatedAt = now;
        this.changeNotice = notice;
        markSubmitted(now);
        return List.of(submitted(previous.id),
                new TransparencyEvent.DisclosureSuperseded(previous.id, previous.party, previous.kind,
                        previous.round.id(), previous.version, id, previous.supersededAt, changeOccurredOn, notice));
    }

    private TransparencyEvent.DisclosureSubmitted submitted(UUID supersedes) {
        return new TransparencyEvent.DisclosureSubmitted(id, party, kind, round.id(), version, submittedAt,
                changeOccurredOn, supersedes, changeNotice, content);
    }

    /**
     * Guard for write commands: the other party must not learn that this disclosure exists, so it gets the same
     * 404 as for a missing id.
     */
    public void requireOwnedBy(Party caller) {
        if (caller != party) {
            throw new NotFound("Disclosure " + id + " not found");
        }
    }

    /** Guard for deleting a draft (the service deletes the row): only a DRAFT may be discarded. */
    public void checkDiscardable() {
        requireState(DisclosureStatus.DRAFT, "discard");
    }

    public List<String> allowedActions() {
        return switch (status) {
            case DRAFT -> List.of("edit", "submit", "discard");
            case SUBMITTED -> List.of("revise");
            case SUPERSEDED -> List.of();
        };
    }

    private void markSubmitted(Instant now) {
        this.status = DisclosureStatus.SUBMITTED;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    private void requireState(DisclosureStatus expected, String action) {
        if (status != expected) {
            throw new IllegalTransition(status.name(), action, allowedActions());
        }
    }

    private static void requireContent(DisclosureContent content) {
        if (content == null) {
            throw ValidationFailed.of("content", "is required");
        }
        content.requireValid();
    }

    private static void requireChangeDate(LocalDate changeOccurredOn, Instant now) {
        if (changeOccurredOn == null) {
            throw ValidationFailed.of("changeOccurredOn", "is required for a revision");
        }
        if (changeOccurredOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw ValidationFailed.of("changeOccurredOn", "must not be in the future");
        }
    }

    public UUID id() {
        return id;
    }

    public Party party() {
        return party;
    }

    public DisclosureKind kind() {
        return kind;
    }

    public ReportingRound round() {
        return round;
    }

    public int version() {
        return version;
    }

    public DisclosureStatus status() {
        return status;
    }

    public DisclosureContent content() {
        return content;
    }

    /** For revisions: when the disclosed facts changed (the 5-day change clock runs from this date). */
    public LocalDate changeOccurredOn() {
        return changeOccurredOn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant supersededAt() {
        return supersededAt;
    }

    /** Change notice from the previous version; null for version 1 and for drafts. */
    public ChangeNotice changeNotice() {
        return changeNotice;
    }

    /** Preview of the change notice a DRAFT revision would produce against {@code previous}. */
    public ChangeNotice previewChangeNotice(Disclosure previous) {
        return ChangeNotice.between(previous.version, previous.content, version, content);
    }
}
