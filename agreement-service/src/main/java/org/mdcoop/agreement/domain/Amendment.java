package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

/**
 * A cooperation-centre amendment: a proposal to deepen cooperation, adopted only when both parties endorse.
 *
 * <ul>
 * <li>Proposed by either party, only while the agreement is in force in fact ({@link Agreement#isInForceAt}) and covers
 * {@link Element#COOPERATION_CENTRE}; otherwise {@code RuleViolation("agreement-not-in-force")} or
 * {@code RuleViolation("element-not-covered")}. Title non-blank ≤ 200, text non-blank ≤ 10000.</li>
 * <li>Proposing counts as the proposer's endorsement. The other party's endorsement adopts it at once
 * (events {@code Endorsed} + {@code Adopted}). Endorsing twice (including the proposer endorsing) is refused with
 * {@code RuleViolation("already-endorsed")}.</li>
 * <li>Either party may reject while PROPOSED (reason optional, ≤ 4000); for the proposer that withdraws the proposal.</li>
 * <li>Once the agreement is no longer in force (or no longer covers the cooperation centre) every command is refused
 * with the same RuleViolations; PROPOSED amendments stay PROPOSED, frozen (read-only).</li>
 * <li><b>Typed</b> (issue 16): {@link AmendmentChange} says what adoption changes ({@code TEXT}, the default, changes
 * nothing). The parameter is validated at proposal ({@link Agreement#checkChange}) and again at the adopting
 * endorsement, which then changes the agreement in the same command ({@link #endorseAndApply}): a single party's
 * endorsement changes nothing. An {@code ADD_ELEMENT} of a stopped cooperation centre may be proposed and endorsed
 * although the centre is stopped (otherwise it could never re-open).</li>
 * <li>Commands in ADOPTED/REJECTED → {@link IllegalTransition} with the allowed actions (none).</li>
 * </ul>
 */
public class Amendment {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 10_000;

    private UUID id;
    private UUID agreementId;
    private Party proposedBy;
    private String title;
    private String text;
    private AmendmentChange change = AmendmentChange.TEXT;
    /** What adoption changed, for people ("JOINT_EXERCISES opened"); null before adoption and for TEXT. */
    private String effect;
    private AmendmentStatus status;
    private EnumMap<Party, Instant> endorsements = new EnumMap<>(Party.class);
    private List<AmendmentHistoryEntry> history = new ArrayList<>();
    private Instant proposedAt;
    /** When it was adopted or rejected. */
    private Instant decidedAt;
    private long version;

    /** For persistence frameworks and subclasses only. */
    protected Amendment() {
    }

    /** The result of {@link #propose}. */
    public record Proposal(Amendment amendment, AmendmentEvent.Proposed event) {
    }

    public static Proposal propose(UUID id, Agreement agreement, Party actor, Instant now, String title, String text) {
        return propose(id, agreement, actor, now, title, text, AmendmentChange.TEXT);
    }

    /** A typed amendment: {@code change} is validated now ({@link Agreement#checkChange}). */
    public static Proposal propose(UUID id, Agreement agreement, Party actor, Instant now, String title, String text,
            AmendmentChange change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        AmendmentChange c = change == null ? AmendmentChange.TEXT : change;
        Instant t = Agreement.micros(now);
        requireCooperationCentre(agreement, t, c);
        List<FieldError> errors = new ArrayList<>();
        checkText(errors, "title", title, MAX_TITLE_LENGTH);
        checkText(errors, "text", text, MAX_TEXT_LENGTH);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        agreement.checkChange(c);
        Amendment a = new Amendment();
        a.id = id;
        a.agreementId = agreement.getId();
        a.proposedBy = actor;
        a.title = title.strip();
        a.text = text;
        a.change = c;
        a.status = AmendmentStatus.PROPOSED;
        a.proposedAt = t;
        a.endorsements.put(actor, t);
        a.history.add(new AmendmentHistoryEntry(t, actor, "proposed", null));
        return new Proposal(a, new AmendmentEvent.Proposed(id, a.agreementId, actor, t, a.title));
    }

    public static Amendment rehydrate(UUID id, UUID agreementId, Party proposedBy, String title, String text,
            AmendmentStatus status, Map<Party, Instant> endorsements, List<AmendmentHistoryEntry> history,
            Instant proposedAt, Instant decidedAt, long version) {
        return rehydrate(id, agreementId, proposedBy, title, text, AmendmentChange.TEXT, null, status, endorsements,
                history, proposedAt, decidedAt, version);
    }

    public static Amendment rehydrate(UUID id, UUID agreementId, Party proposedBy, String title, String text,
            AmendmentChange change, String effect, AmendmentStatus status, Map<Party, Instant> endorsements,
            List<AmendmentHistoryEntry> history, Instant proposedAt, Instant decidedAt, long version) {
        Amendment a = new Amendment();
        a.change = change == null ? AmendmentChange.TEXT : change;
        a.effect = effect;
        a.id = Objects.requireNonNull(id);
        a.agreementId = Objects.requireNonNull(agreementId);
        a.proposedBy = Objects.requireNonNull(proposedBy);
        a.title = title;
        a.text = text;
        a.status = Objects.requireNonNull(status);
        a.endorsements = new EnumMap<>(Party.class);
        a.endorsements.putAll(endorsements);
        a.history = new ArrayList<>(history);
        a.proposedAt = proposedAt;
        a.decidedAt = decidedAt;
        a.version = version;
        return a;
    }

    /** ENDORSE for the party that has not endorsed yet, REJECT for both, while PROPOSED; nothing otherwise. */
    public List<AmendmentAction> allowedActions(Party party) {
        if (status != AmendmentStatus.PROPOSED) {
            return List.of();
        }
        return endorsements.containsKey(party) ? List.of(AmendmentAction.REJECT)
                : List.of(AmendmentAction.ENDORSE, AmendmentAction.REJECT);
    }

    /**
     * {@link #endorse}, and when this endorsement adopts, the change applied to {@code agreement} in the same command:
     * {@code [Endorsed]} alone, or {@code [Endorsed, Adopted, <the agreement's events>]}. A change that no longer
     * applies (the agreement moved on since the proposal) is refused before anything changes.
     */
    public List<DomainEvent> endorseAndApply(Agreement agreement, Party actor, Instant now) {
        Instant t = Agreement.micros(now);
        checkEndorsement(agreement, actor, t);
        if (endorsements.size() + 1 == Party.values().length) {
            agreement.checkChange(change);
        }
        List<DomainEvent> events = new ArrayList<>(endorse(agreement, actor, t));
        if (status == AmendmentStatus.ADOPTED) {
            List<AgreementEvent> changed = agreement.applyAmendment(id, change, actor, t);
            effect = describe(changed);
            if (effect != null) {
                history.add(new AmendmentHistoryEntry(t, actor, "took-effect", effect));
            }
            events.addAll(changed);
        }
        return List.copyOf(events);
    }

    private static String describe(List<AgreementEvent> changed) {
        List<String> parts = new ArrayList<>();
        for (AgreementEvent e : changed) {
            if (e instanceof AgreementEvent.ElementAdded added) {
                parts.add(added.element() + " opened");
            } else if (e instanceof AgreementEvent.ElementRemoved removed) {
                parts.add(removed.element() + " closed");
            } else if (e instanceof AgreementEvent.NoticePeriodChanged n) {
                parts.add("notice period " + n.previousMonths() + " -> " + n.months() + " months");
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private void checkEndorsement(Agreement agreement, Party actor, Instant t) {
        requireProposed(actor, AmendmentAction.ENDORSE);
        requireSameAgreement(agreement);
        requireCooperationCentre(agreement, t, change);
        if (endorsements.containsKey(actor)) {
            throw new RuleViolation("already-endorsed", actor + " has already endorsed this amendment"
                    + (actor == proposedBy ? " (proposing counts as endorsing)" : ""));
        }
    }

    /**
     * Returns {@code [Endorsed, Adopted]} (the second endorsement always adopts). Records the adoption only: the
     * service uses {@link #endorseAndApply} so that an adopted typed amendment takes effect.
     */
    public List<AmendmentEvent> endorse(Agreement agreement, Party actor, Instant now) {
        Instant t = Agreement.micros(now);
        checkEndorsement(agreement, actor, t);
        endorsements.put(actor, t);
        history.add(new AmendmentHistoryEntry(t, actor, "endorsed", null));
        List<AmendmentEvent> events = new ArrayList<>();
        events.add(new AmendmentEvent.Endorsed(id, agreementId, actor, t));
        if (endorsements.size() == Party.values().length) {
            status = AmendmentStatus.ADOPTED;
            decidedAt = t;
            history.add(new AmendmentHistoryEntry(t, actor, "adopted", null));
            events.add(new AmendmentEvent.Adopted(id, agreementId, actor, t, title));
        }
        return List.copyOf(events);
    }

    /** Either party while PROPOSED; {@code reason} optional (≤ 4000). */
    public List<AmendmentEvent> reject(Agreement agreement, Party actor, Instant now, String reason) {
        Instant t = Agreement.micros(now);
        requireProposed(actor, AmendmentAction.REJECT);
        requireSameAgreement(agreement);
        requireCooperationCentre(agreement, t, change);
        if (reason != null && reason.length() > Agreement.MAX_TEXT_LENGTH) {
            throw ValidationFailed.of("reason", "must be at most " + Agreement.MAX_TEXT_LENGTH + " characters");
        }
        String r = reason == null || reason.isBlank() ? null : reason;
        status = AmendmentStatus.REJECTED;
        decidedAt = t;
        history.add(new AmendmentHistoryEntry(t, actor, "rejected", r));
        return List.of(new AmendmentEvent.Rejected(id, agreementId, actor, t, r));
    }

    private void requireProposed(Party actor, AmendmentAction action) {
        Objects.requireNonNull(actor, "actor");
        if (status != AmendmentStatus.PROPOSED) {
            List<String> allowed = allowedActions(actor).stream().map(AmendmentAction::apiName).toList();
            throw new IllegalTransition(status.name(), action.apiName(), allowed, "'" + action.apiName()
                    + "' is not allowed for amendment in state " + status + "; allowed: "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
        }
    }

    private void requireSameAgreement(Agreement agreement) {
        if (!agreement.getId().equals(agreementId)) {
            throw new IllegalArgumentException("amendment " + id + " belongs to agreement " + agreementId
                    + ", not " + agreement.getId());
        }
    }

    private static void requireCooperationCentre(Agreement agreement, Instant now, AmendmentChange change) {
        Objects.requireNonNull(agreement, "agreement");
        if (!agreement.isInForceAt(now)) {
            throw new RuleViolation("agreement-not-in-force", "the agreement is not in force (status "
                    + agreement.getStatus() + "); amendments can be proposed, endorsed or rejected only while it is");
        }
        boolean reopensTheCentre = change.type() == AmendmentType.ADD_ELEMENT
                && change.element() == Element.COOPERATION_CENTRE
                && agreement.getStoppedElements().contains(Element.COOPERATION_CENTRE);
        if (!agreement.getElements().contains(Element.COOPERATION_CENTRE) && !reopensTheCentre) {
            throw new RuleViolation("element-not-covered",
                    "the agreement does not cover the cooperation centre (COOPERATION_CENTRE)");
        }
    }

    private static void checkText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getAgreementId() {
        return agreementId;
    }

    public Party getProposedBy() {
        return proposedBy;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public AmendmentChange getChange() {
        return change;
    }

    /** What adoption changed ({@code "JOINT_EXERCISES opened"}); null before adoption and for TEXT. */
    public String getEffect() {
        return effect;
    }

    public AmendmentStatus getStatus() {
        return status;
    }

    public Map<Party, Instant> getEndorsements() {
        return Map.copyOf(endorsements);
    }

    public List<AmendmentHistoryEntry> getHistory() {
        return List.copyOf(history);
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public long getVersion() {
        return version;
    }
}
