package org.mdcoop.agreement.domain;

import static org.mdcoop.agreement.domain.AgreementAction.ACCEPT;
import static org.mdcoop.agreement.domain.AgreementAction.CONSENT_EXTENSION;
import static org.mdcoop.agreement.domain.AgreementAction.CONSENT_PERMANENCE;
import static org.mdcoop.agreement.domain.AgreementAction.EDIT_DRAFT;
import static org.mdcoop.agreement.domain.AgreementAction.RECORD_RESERVATION;
import static org.mdcoop.agreement.domain.AgreementAction.REJECT;
import static org.mdcoop.agreement.domain.AgreementAction.RETRACT;
import static org.mdcoop.agreement.domain.AgreementAction.REVOKE_EXTENSION;
import static org.mdcoop.agreement.domain.AgreementAction.REVOKE_PERMANENCE;
import static org.mdcoop.agreement.domain.AgreementAction.SUBMIT;
import static org.mdcoop.agreement.domain.AgreementAction.WITHDRAW;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

/**
 * The provisional agreement between the two parties: a plain, mutable aggregate with no framework dependencies.
 * Command methods take the acting party and the current instant, enforce the rules, mutate the state and return the
 * events that describe what happened (in order). They never read a clock. Authorisation by role, the
 * "one agreement at a time" query, persistence, optimistic locking ({@link #getVersion()} is owned by the persistence
 * layer and never changed here), outbox and audit are the service's job.
 *
 * <h2>Rules and decisions</h2>
 * <ul>
 * <li><b>Time.</b> Every {@code now} is truncated to microseconds (what PostgreSQL {@code timestamptz} stores), so a
 * stored agreement round-trips exactly. Terms, extensions and notice periods are calendar arithmetic in UTC
 * ({@code ZonedDateTime.plusMonths}: Jan 31 + 1 month = Feb 28/29).</li>
 * <li><b>Expiry boundary.</b> {@code expiresAt} is the first instant <em>not</em> covered: at exactly
 * {@code expiresAt} the agreement is expired ({@link #expireIfDue} changes it, consents are refused); one microsecond
 * earlier it is not. The same holds for {@code noticeEndsAt}.</li>
 * <li><b>Due but not yet applied.</b> A PROVISIONAL agreement past {@code expiresAt} (the scheduler has not run yet)
 * refuses every party command with {@code RuleViolation("agreement-expired")}; a WITHDRAWAL_PENDING agreement past
 * {@code noticeEndsAt} refuses with {@code RuleViolation("agreement-ended")}. The service may instead call
 * {@link #expireIfDue}/{@link #completeWithdrawalIfDue} first.</li>
 * <li><b>Effective date.</b> The proposer may set {@code proposedEffectiveAt} (must be in the future when written).
 * On acceptance the agreement becomes PROVISIONAL; {@code effectiveAt} is the proposed date if it is still after
 * the acceptance instant, otherwise the acceptance instant. {@code expiresAt = effectiveAt + termMonths}.
 * Between acceptance and {@code effectiveAt} the agreement is PROVISIONAL but not yet in force in fact
 * ({@link #isInForceAt}); withdrawal and consents are already allowed.</li>
 * <li><b>Extension.</b> Each party consents to N months (1–120). A consent is revocable by its own party until the
 * other side consents; the second consent, if before expiry and with the same N, takes effect at once
 * ({@code expiresAt += N}, both consents cleared, events {@code ExtensionConsented} + {@code Extended}). A consent
 * with a different N than the other side's pending one is refused ({@code RuleViolation("extension-months-mismatch")}
 * naming the other party's N); consenting twice is refused ({@code "consent-already-given"}: revoke first).
 * Revoking without a pending consent is refused ({@code "no-pending-consent"}).</li>
 * <li><b>Permanence.</b> Same consent rules, from PROVISIONAL only and before expiry; the second consent makes the
 * agreement PERMANENT ({@code permanentAt = now}; {@code expiresAt} becomes {@code null} and pending extension
 * consents are dropped). Pending permanence consents survive an extension.</li>
 * <li><b>Withdrawal.</b> Either party, reason required (non-blank, ≤ 4000). From PROVISIONAL: immediate → WITHDRAWN.
 * From PERMANENT: a notice → WITHDRAWAL_PENDING with {@code noticeEndsAt = now + noticeMonths} (a term of
 * the draft, default 6 months, 0 allowed); {@link #completeWithdrawalIfDue} then makes it WITHDRAWN. A notice cannot be
 * cancelled and a second notice is refused (IllegalTransition).</li>
 * <li><b>Stopping one element</b> (issue 16). Either party, alone, while in force in fact, reason required:
 * {@link #stopElement} moves the element from {@code elements} (the running ones) to {@code stoppedElements};
 * stopping the last running one is {@link #withdraw}. Re-opening is an adopted ADD_ELEMENT amendment
 * ({@link #applyAmendment}), which also adds, removes elements or changes the notice period.</li>
 * <li><b>Reservations.</b> Free text per party (≤ 4000 chars; {@code null}/blank clears it); each party writes only
 * its own. Allowed in DRAFT (proposer only: the other party cannot see drafts), PROPOSED, PROVISIONAL, PERMANENT and
 * WITHDRAWAL_PENDING; frozen in terminal states.</li>
 * <li><b>Pending consents</b> are cleared when the agreement leaves PROVISIONAL (the events keep the record).</li>
 * <li><b>Errors.</b> A command not allowed in the current state for that party → {@link IllegalTransition} naming the
 * state and {@link #allowedActions(Party)}; rule conflicts → {@link RuleViolation}; bad input → {@link ValidationFailed}
 * with field names ({@code elements}, {@code termMonths}, {@code effectiveAt}, {@code reservation}, {@code reason},
 * {@code months}). The state check comes before input validation. A failed command leaves the aggregate unchanged.</li>
 * </ul>
 */
public class Agreement {

    public static final int DEFAULT_TERM_MONTHS = 48;
    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 120;
    public static final int MAX_TEXT_LENGTH = 4000;
    public static final int DEFAULT_NOTICE_MONTHS = 6;
    public static final Period DEFAULT_NOTICE_PERIOD = Period.ofMonths(DEFAULT_NOTICE_MONTHS);

    private UUID id;
    private Party proposer;
    private AgreementStatus status;
    /** The elements running (covered): never empty once created; a stopped element leaves it. */
    private EnumSet<Element> elements = EnumSet.noneOf(Element.class);
    /** Elements one party stopped alone (issue 16); re-opened only by an adopted ADD_ELEMENT amendment. */
    private EnumSet<Element> stoppedElements = EnumSet.noneOf(Element.class);
    private int termMonths;
    /** Notice a withdrawal from permanence gives (a term agreed in the draft; 0 allowed). */
    private int noticeMonths = DEFAULT_NOTICE_MONTHS;
    /** Effective date asked for by the proposer (nullable: effective at acceptance). */
    private Instant proposedEffectiveAt;
    private EnumMap<Party, String> reservations = new EnumMap<>(Party.class);
    private Instant createdAt;
    private Instant submittedAt;
    /** When it was accepted, rejected or retracted. */
    private Instant decidedAt;
    /** Optional reason given with a rejection or retraction. */
    private String closingReason;
    /** When cooperation starts (set on acceptance). */
    private Instant effectiveAt;
    /** First instant not covered by a PROVISIONAL agreement; null before acceptance and once PERMANENT. */
    private Instant expiresAt;
    private Instant permanentAt;
    private EnumMap<Party, ExtensionConsent> extensionConsents = new EnumMap<>(Party.class);
    private EnumMap<Party, PermanenceConsent> permanenceConsents = new EnumMap<>(Party.class);
    private String withdrawalReason;
    private Party withdrawnBy;
    /** When the withdrawing party declared it (= endedAt from PROVISIONAL, the notice instant from PERMANENT). */
    private Instant withdrawalDeclaredAt;
    private Instant noticeEndsAt;
    /** When it stopped being in force: withdrawal instant, notice end or former expiresAt. */
    private Instant endedAt;
    /**
     * When it came into force: the acceptance instant, or for a deferred start the effective moment once
     * {@link #comeIntoForceIfDue} announced it; null while a deferred start is pending.
     */
    private Instant cameIntoForceAt;
    private long version;

    /** For persistence frameworks and subclasses only. */
    protected Agreement() {
    }

    // ---------------------------------------------------------------- creation & rehydration

    /** The result of {@link #createDraft}: the new aggregate and its first event. */
    public record Drafted(Agreement agreement, AgreementEvent.DraftCreated event) {
    }

    /**
     * A new DRAFT by {@code proposer}.
     *
     * @throws ValidationFailed for {@code elements}, {@code termMonths}, {@code effectiveAt}, {@code reservation}
     */
    public static Drafted createDraft(UUID id, Party proposer, Instant now, DraftTerms terms) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(proposer, "proposer");
        Instant t = micros(now);
        Agreement a = new Agreement();
        a.id = id;
        a.proposer = proposer;
        a.status = AgreementStatus.DRAFT;
        a.createdAt = t;
        a.applyTerms(proposer, t, terms);
        return new Drafted(a, new AgreementEvent.DraftCreated(id, proposer, t, a.getElements(), a.termMonths,
                a.proposedEffectiveAt));
    }

    public static Agreement rehydrate(AgreementSnapshot s) {
        Agreement a = new Agreement();
        a.id = Objects.requireNonNull(s.id(), "id");
        a.proposer = Objects.requireNonNull(s.proposer(), "proposer");
        a.status = Objects.requireNonNull(s.status(), "status");
        a.elements = s.elements().isEmpty() ? EnumSet.noneOf(Element.class) : EnumSet.copyOf(s.elements());
        a.stoppedElements = s.stoppedElements().isEmpty() ? EnumSet.noneOf(Element.class)
                : EnumSet.copyOf(s.stoppedElements());
        a.termMonths = s.termMonths();
        // stored before the notice was a term: the server's former default
        a.noticeMonths = s.noticeMonths() == null ? DEFAULT_NOTICE_MONTHS : s.noticeMonths();
        a.proposedEffectiveAt = s.proposedEffectiveAt();
        a.reservations = new EnumMap<>(Party.class);
        a.reservations.putAll(s.reservations());
        a.createdAt = s.createdAt();
        a.submittedAt = s.submittedAt();
        a.decidedAt = s.decidedAt();
        a.closingReason = s.closingReason();
        a.effectiveAt = s.effectiveAt();
        a.expiresAt = s.expiresAt();
        a.permanentAt = s.permanentAt();
        a.extensionConsents = new EnumMap<>(Party.class);
        a.extensionConsents.putAll(s.extensionConsents());
        a.permanenceConsents = new EnumMap<>(Party.class);
        a.permanenceConsents.putAll(s.permanenceConsents());
        a.withdrawalReason = s.withdrawalReason();
        a.withdrawnBy = s.withdrawnBy();
        a.withdrawalDeclaredAt = s.withdrawalDeclaredAt();
        a.noticeEndsAt = s.noticeEndsAt();
        a.endedAt = s.endedAt();
        a.cameIntoForceAt = s.cameIntoForceAt();
        if (a.cameIntoForceAt == null && a.effectiveAt != null && a.decidedAt != null
                && !a.effectiveAt.isAfter(a.decidedAt)) {
            // stored before the field existed: effective at acceptance, nothing to announce
            a.cameIntoForceAt = a.effectiveAt;
        }
        a.version = s.version();
        return a;
    }

    public AgreementSnapshot snapshot() {
        return new AgreementSnapshot(id, proposer, status, elements, termMonths, proposedEffectiveAt, reservations,
                createdAt, submittedAt, decidedAt, closingReason, effectiveAt, expiresAt, permanentAt,
                extensionConsents, permanenceConsents, withdrawalReason, withdrawnBy, withdrawalDeclaredAt,
                noticeEndsAt, endedAt, cameIntoForceAt, noticeMonths, version, stoppedElements);
    }

    // ---------------------------------------------------------------- queries

    /**
     * The party commands allowed in the current state for {@code party}, ignoring time (a due expiry is not taken
     * into account) but taking pending consents into account (consent-X when the party has none pending, revoke-X
     * when it has). Used in IllegalTransition messages and handy for UIs.
     */
    public List<AgreementAction> allowedActions(Party party) {
        Objects.requireNonNull(party, "party");
        boolean isProposer = party == proposer;
        List<AgreementAction> allowed = new ArrayList<>();
        switch (status) {
            case DRAFT -> {
                if (isProposer) {
                    allowed.addAll(List.of(EDIT_DRAFT, SUBMIT, RECORD_RESERVATION));
                }
            }
            case PROPOSED -> allowed.addAll(isProposer ? List.of(RETRACT, RECORD_RESERVATION)
                    : List.of(ACCEPT, REJECT, RECORD_RESERVATION));
            case PROVISIONAL -> {
                allowed.add(WITHDRAW);
                allowed.add(extensionConsents.containsKey(party) ? REVOKE_EXTENSION : CONSENT_EXTENSION);
                allowed.add(permanenceConsents.containsKey(party) ? REVOKE_PERMANENCE : CONSENT_PERMANENCE);
                allowed.add(RECORD_RESERVATION);
            }
            case PERMANENT -> allowed.addAll(List.of(WITHDRAW, RECORD_RESERVATION));
            case WITHDRAWAL_PENDING -> allowed.add(RECORD_RESERVATION);
            default -> {
                // terminal: nothing
            }
        }
        return List.copyOf(allowed);
    }

    /**
     * In force in fact at {@code now}: status PROVISIONAL (with {@code effectiveAt <= now < expiresAt}), PERMANENT,
     * or WITHDRAWAL_PENDING (with {@code now < noticeEndsAt}). Cooperation (disclosures, exercises, centres,
     * amendments) runs only while this is true.
     */
    public boolean isInForceAt(Instant now) {
        return switch (status) {
            case PROVISIONAL -> !now.isBefore(effectiveAt) && now.isBefore(expiresAt);
            case PERMANENT -> true;
            case WITHDRAWAL_PENDING -> now.isBefore(noticeEndsAt);
            default -> false;
        };
    }

    /** In force at {@code now} and covering {@code element}. */
    public boolean covers(Element element, Instant now) {
        return elements.contains(element) && isInForceAt(now);
    }

    // ---------------------------------------------------------------- draft commands

    /** DRAFT only, proposer only: replaces the draft terms (including the proposer's reservation). */
    public List<AgreementEvent> editDraft(Party actor, Instant now, DraftTerms terms) {
        Instant t = micros(now);
        require(actor, EDIT_DRAFT);
        applyTerms(actor, t, terms);
        return List.of(new AgreementEvent.DraftEdited(id, actor, t, getElements(), termMonths, proposedEffectiveAt));
    }

    /** DRAFT → PROPOSED, proposer only. */
    public List<AgreementEvent> submit(Party actor, Instant now) {
        Instant t = micros(now);
        require(actor, SUBMIT);
        status = AgreementStatus.PROPOSED;
        submittedAt = t;
        return List.of(new AgreementEvent.Proposed(id, actor, t, getElements(), termMonths, proposedEffectiveAt));
    }

    // ---------------------------------------------------------------- proposal commands

    /**
     * PROPOSED → PROVISIONAL, the other party only (the proposer gets an IllegalTransition). The service must check
     * the one-agreement-at-a-time rule before (a PROPOSED agreement already holds the slot, so normally nothing to do).
     */
    public List<AgreementEvent> accept(Party actor, Instant now) {
        Instant t = micros(now);
        require(actor, ACCEPT);
        status = AgreementStatus.PROVISIONAL;
        decidedAt = t;
        effectiveAt = proposedEffectiveAt != null && proposedEffectiveAt.isAfter(t) ? proposedEffectiveAt : t;
        expiresAt = plusMonths(effectiveAt, termMonths);
        cameIntoForceAt = effectiveAt.equals(t) ? t : null;
        return List.of(new AgreementEvent.Activated(id, actor, t, proposer, getElements(), termMonths, effectiveAt,
                expiresAt));
    }

    /** PROPOSED → REJECTED, the other party only; {@code reason} optional (≤ 4000). */
    public List<AgreementEvent> reject(Party actor, Instant now, String reason) {
        Instant t = micros(now);
        require(actor, REJECT);
        String r = optionalText("reason", reason);
        status = AgreementStatus.REJECTED;
        decidedAt = t;
        closingReason = r;
        return List.of(new AgreementEvent.Rejected(id, actor, t, r));
    }

    /** PROPOSED → RETRACTED, proposer only; {@code reason} optional (≤ 4000). */
    public List<AgreementEvent> retract(Party actor, Instant now, String reason) {
        Instant t = micros(now);
        require(actor, RETRACT);
        String r = optionalText("reason", reason);
        status = AgreementStatus.RETRACTED;
        decidedAt = t;
        closingReason = r;
        return List.of(new AgreementEvent.Retracted(id, actor, t, r));
    }

    // ---------------------------------------------------------------- withdrawal & expiry

    /** {@link #withdraw(Party, Instant, String, Period)} with the notice period agreed in the terms. */
    public List<AgreementEvent> withdraw(Party actor, Instant now, String reason) {
        return withdraw(actor, now, reason, Period.ofMonths(noticeMonths));
    }

    /**
     * Either party. From PROVISIONAL: immediately WITHDRAWN ({@code Withdrawn}). From PERMANENT: notice,
     * WITHDRAWAL_PENDING until {@code now + noticePeriod} ({@code WithdrawalNoticed}).
     *
     * @param noticePeriod the agreed notice ({@link #getNoticeMonths()}); used only from PERMANENT
     * @throws ValidationFailed {@code reason} blank or longer than 4000
     */
    public List<AgreementEvent> withdraw(Party actor, Instant now, String reason, Period noticePeriod) {
        Objects.requireNonNull(noticePeriod, "noticePeriod");
        if (noticePeriod.isNegative()) {
            throw new IllegalArgumentException("noticePeriod must not be negative: " + noticePeriod);
        }
        Instant t = micros(now);
        require(actor, WITHDRAW);
        refuseIfDue(t);
        String r = requiredText("reason", reason);
        withdrawalReason = r;
        withdrawnBy = actor;
        withdrawalDeclaredAt = t;
        if (status == AgreementStatus.PROVISIONAL) {
            status = AgreementStatus.WITHDRAWN;
            endedAt = t;
            clearConsents();
            return List.of(new AgreementEvent.Withdrawn(id, actor, t, actor, r, AgreementStatus.PROVISIONAL, t));
        }
        status = AgreementStatus.WITHDRAWAL_PENDING;
        noticeEndsAt = micros(t.atZone(ZoneOffset.UTC).plus(noticePeriod).toInstant());
        return List.of(new AgreementEvent.WithdrawalNoticed(id, actor, t, r, noticeEndsAt));
    }

    // ---------------------------------------------------------------- elements (issue 16)

    /**
     * Either party, alone, at any moment the agreement is in force in fact: {@code element} closes at once
     * ({@code ElementStopped}) and the others continue. Stopping the last running element is a withdrawal
     * ({@link #withdraw(Party, Instant, String)}: its events, its rules). Re-opening needs both parties: an
     * {@code ADD_ELEMENT} amendment.
     *
     * @throws RuleViolation {@code agreement-not-in-force}, {@code element-already-stopped}, {@code element-not-covered}
     * @throws ValidationFailed {@code element} missing, {@code reason} blank or longer than 4000
     */
    public List<AgreementEvent> stopElement(Party actor, Instant now, Element element, String reason) {
        Objects.requireNonNull(actor, "actor");
        Instant t = micros(now);
        if (!isInForceAt(t)) {
            throw new RuleViolation("agreement-not-in-force", "the agreement is not in force (status " + status
                    + "); an element can be stopped only while it is");
        }
        if (element == null) {
            throw ValidationFailed.of("element", "is required");
        }
        if (stoppedElements.contains(element)) {
            throw new RuleViolation("element-already-stopped", element + " is already stopped; re-opening it needs "
                    + "both parties (an ADD_ELEMENT amendment)");
        }
        if (!elements.contains(element)) {
            throw new RuleViolation("element-not-covered", "the agreement does not cover " + element);
        }
        String r = requiredText("reason", reason);
        if (elements.size() == 1) {
            // the last running element: stopping it is walking away
            return withdraw(actor, t, r);
        }
        elements.remove(element);
        stoppedElements.add(element);
        return List.of(new AgreementEvent.ElementStopped(id, actor, t, element, r, getElements()));
    }

    /**
     * Whether {@code change} may be proposed now, and still applies when adopted: ADD_ELEMENT names an element not
     * running; REMOVE_ELEMENT a running one that is not the last; CHANGE_NOTICE_PERIOD 0-120 months, not the current
     * notice; TEXT neither parameter. Does not check that the agreement is in force (the amendment does).
     *
     * @throws ValidationFailed {@code element}, {@code noticeMonths} missing, out of range or not for this type
     * @throws RuleViolation {@code element-already-covered}, {@code element-not-covered}, {@code last-element},
     *                       {@code notice-unchanged}
     */
    public void checkChange(AmendmentChange change) {
        Objects.requireNonNull(change, "change");
        List<FieldError> errors = new ArrayList<>();
        boolean wantsElement = change.type() == AmendmentType.ADD_ELEMENT
                || change.type() == AmendmentType.REMOVE_ELEMENT;
        boolean wantsNotice = change.type() == AmendmentType.CHANGE_NOTICE_PERIOD;
        if (wantsElement && change.element() == null) {
            errors.add(new FieldError("element", "is required for " + change.type()));
        } else if (!wantsElement && change.element() != null) {
            errors.add(new FieldError("element", "is only for ADD_ELEMENT and REMOVE_ELEMENT"));
        }
        if (wantsNotice && change.noticeMonths() == null) {
            errors.add(new FieldError("noticeMonths", "is required for CHANGE_NOTICE_PERIOD"));
        } else if (wantsNotice && (change.noticeMonths() < 0 || change.noticeMonths() > MAX_MONTHS)) {
            errors.add(new FieldError("noticeMonths", "must be between 0 and " + MAX_MONTHS));
        } else if (!wantsNotice && change.noticeMonths() != null) {
            errors.add(new FieldError("noticeMonths", "is only for CHANGE_NOTICE_PERIOD"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        switch (change.type()) {
            case ADD_ELEMENT -> {
                if (elements.contains(change.element())) {
                    throw new RuleViolation("element-already-covered", change.element() + " is already running");
                }
            }
            case REMOVE_ELEMENT -> {
                if (!elements.contains(change.element())) {
                    throw new RuleViolation("element-not-covered", "the agreement does not cover "
                            + change.element() + " (now)");
                }
                if (elements.size() == 1) {
                    throw new RuleViolation("last-element", change.element() + " is the last running element; "
                            + "ending it is a withdrawal");
                }
            }
            case CHANGE_NOTICE_PERIOD -> {
                if (change.noticeMonths() == noticeMonths) {
                    throw new RuleViolation("notice-unchanged", "the notice period is already " + noticeMonths
                            + " months");
                }
            }
            default -> {
                // TEXT: nothing changes
            }
        }
    }

    /**
     * Applies an adopted amendment's change ({@link #checkChange} first): the events describing what changed, none
     * for TEXT. {@code actor} is the party whose endorsement adopted it. A notice already given is not moved by a
     * new notice period.
     */
    public List<AgreementEvent> applyAmendment(UUID amendmentId, AmendmentChange change, Party actor, Instant now) {
        Instant t = micros(now);
        checkChange(change);
        return switch (change.type()) {
            case ADD_ELEMENT -> {
                elements.add(change.element());
                stoppedElements.remove(change.element());
                yield List.of(new AgreementEvent.ElementAdded(id, actor, t, amendmentId, change.element(),
                        getElements()));
            }
            case REMOVE_ELEMENT -> {
                elements.remove(change.element());
                yield List.of(new AgreementEvent.ElementRemoved(id, actor, t, amendmentId, change.element(),
                        getElements()));
            }
            case CHANGE_NOTICE_PERIOD -> {
                int previous = noticeMonths;
                noticeMonths = change.noticeMonths();
                yield List.of(new AgreementEvent.NoticePeriodChanged(id, actor, t, amendmentId, previous,
                        noticeMonths));
            }
            case TEXT -> List.of();
        };
    }

    /** A copy of the elements one party stopped (issue 16). */
    public Set<Element> getStoppedElements() {
        return stoppedElements.isEmpty() ? Set.of() : EnumSet.copyOf(stoppedElements);
    }

    /**
     * Scheduler: a deferred effective moment has come ({@code effectiveAt <= now}, not yet announced, still in force
     * by status) → {@code CameIntoForce}. The status does not change: PROVISIONAL was in force "by status" since the
     * acceptance and is in force in fact from now. Empty if nothing is due.
     */
    public Optional<AgreementEvent.CameIntoForce> comeIntoForceIfDue(Instant now) {
        Instant t = micros(now);
        Instant due = inForceDueAt();
        if (due == null || t.isBefore(due)) {
            return Optional.empty();
        }
        cameIntoForceAt = effectiveAt;
        return Optional.of(new AgreementEvent.CameIntoForce(id, null, t, getElements(), effectiveAt, expiresAt));
    }

    /** The deferred effective moment still to be announced by {@link #comeIntoForceIfDue}, or null. */
    public Instant inForceDueAt() {
        return cameIntoForceAt == null && effectiveAt != null && status.isInForce() ? effectiveAt : null;
    }

    /**
     * Scheduler: PROVISIONAL with {@code now >= expiresAt} → EXPIRED ({@code endedAt = expiresAt}). Returns the
     * {@code Expired} event, or empty if nothing changed (any other state, or not yet due).
     */
    public Optional<AgreementEvent.Expired> expireIfDue(Instant now) {
        Instant t = micros(now);
        if (status != AgreementStatus.PROVISIONAL || t.isBefore(expiresAt)) {
            return Optional.empty();
        }
        status = AgreementStatus.EXPIRED;
        endedAt = expiresAt;
        clearConsents();
        return Optional.of(new AgreementEvent.Expired(id, null, t, endedAt));
    }

    /**
     * Scheduler: WITHDRAWAL_PENDING with {@code now >= noticeEndsAt} → WITHDRAWN ({@code endedAt = noticeEndsAt}).
     * Returns the {@code Withdrawn} event (actor {@code null}), or empty if nothing changed.
     */
    public Optional<AgreementEvent.Withdrawn> completeWithdrawalIfDue(Instant now) {
        Instant t = micros(now);
        if (status != AgreementStatus.WITHDRAWAL_PENDING || t.isBefore(noticeEndsAt)) {
            return Optional.empty();
        }
        status = AgreementStatus.WITHDRAWN;
        endedAt = noticeEndsAt;
        return Optional.of(new AgreementEvent.Withdrawn(id, null, t, withdrawnBy, withdrawalReason,
                AgreementStatus.WITHDRAWAL_PENDING, endedAt));
    }

    // ---------------------------------------------------------------- extension

    /**
     * PROVISIONAL, before expiry, either party: consent to extend by {@code months} (1–120). Returns
     * {@code [ExtensionConsented]} or, if the other party had already consented to the same months,
     * {@code [ExtensionConsented, Extended]}.
     */
    public List<AgreementEvent> consentToExtension(Party actor, Instant now, int months) {
        Instant t = micros(now);
        requireState(actor, CONSENT_EXTENSION, AgreementStatus.PROVISIONAL);
        refuseIfDue(t);
        if (months < MIN_MONTHS || months > MAX_MONTHS) {
            throw ValidationFailed.of("months", "must be between " + MIN_MONTHS + " and " + MAX_MONTHS);
        }
        ExtensionConsent own = extensionConsents.get(actor);
        if (own != null) {
            throw new RuleViolation("consent-already-given", actor + " has already consented to extend by "
                    + own.months() + " months; revoke that consent first to change it");
        }
        ExtensionConsent other = extensionConsents.get(actor.other());
        if (other != null && other.months() != months) {
            throw new RuleViolation("extension-months-mismatch", actor.other() + " has consented to extend by "
                    + other.months() + " months; consent to " + other.months() + " months or ask " + actor.other()
                    + " to revoke its consent");
        }
        AgreementEvent consented = new AgreementEvent.ExtensionConsented(id, actor, t, months);
        if (other == null) {
            extensionConsents.put(actor, new ExtensionConsent(months, t));
            return List.of(consented);
        }
        Instant previous = expiresAt;
        expiresAt = plusMonths(expiresAt, months);
        extensionConsents.clear();
        return List.of(consented, new AgreementEvent.Extended(id, actor, t, months, previous, expiresAt));
    }

    /** PROVISIONAL, before expiry: the actor revokes its own pending extension consent. */
    public List<AgreementEvent> revokeExtensionConsent(Party actor, Instant now) {
        Instant t = micros(now);
        requireState(actor, REVOKE_EXTENSION, AgreementStatus.PROVISIONAL);
        refuseIfDue(t);
        ExtensionConsent own = extensionConsents.remove(actor);
        if (own == null) {
            throw new RuleViolation("no-pending-consent", actor + " has no pending extension consent to revoke"
                    + " (once both parties consent the extension takes effect and cannot be revoked)");
        }
        return List.of(new AgreementEvent.ExtensionConsentRevoked(id, actor, t, own.months()));
    }

    // ---------------------------------------------------------------- permanence

    /**
     * PROVISIONAL, before expiry, either party. Returns {@code [PermanenceConsented]} or, as the second consent,
     * {@code [PermanenceConsented, MadePermanent]}.
     */
    public List<AgreementEvent> consentToPermanence(Party actor, Instant now) {
        Instant t = micros(now);
        requireState(actor, CONSENT_PERMANENCE, AgreementStatus.PROVISIONAL);
        refuseIfDue(t);
        if (permanenceConsents.containsKey(actor)) {
            throw new RuleViolation("consent-already-given", actor + " has already consented to permanence");
        }
        AgreementEvent consented = new AgreementEvent.PermanenceConsented(id, actor, t);
        if (!permanenceConsents.containsKey(actor.other())) {
            permanenceConsents.put(actor, new PermanenceConsent(t));
            return List.of(consented);
        }
        status = AgreementStatus.PERMANENT;
        permanentAt = t;
        expiresAt = null;
        clearConsents();
        return List.of(consented, new AgreementEvent.MadePermanent(id, actor, t));
    }

    /** PROVISIONAL, before expiry: the actor revokes its own pending permanence consent. */
    public List<AgreementEvent> revokePermanenceConsent(Party actor, Instant now) {
        Instant t = micros(now);
        requireState(actor, REVOKE_PERMANENCE, AgreementStatus.PROVISIONAL);
        refuseIfDue(t);
        if (permanenceConsents.remove(actor) == null) {
            throw new RuleViolation("no-pending-consent", actor + " has no pending permanence consent to revoke");
        }
        return List.of(new AgreementEvent.PermanenceConsentRevoked(id, actor, t));
    }

    // ---------------------------------------------------------------- reservations

    /** The actor sets (or, with null/blank, clears) its own reservation. See the class comment for allowed states. */
    public List<AgreementEvent> recordReservation(Party actor, Instant now, String text) {
        Instant t = micros(now);
        require(actor, RECORD_RESERVATION);
        refuseIfDue(t);
        String r = optionalText("reservation", text);
        setReservation(actor, r);
        return List.of(new AgreementEvent.ReservationRecorded(id, actor, t, r));
    }

    // ---------------------------------------------------------------- internals

    private void applyTerms(Party actor, Instant now, DraftTerms terms) {
        Objects.requireNonNull(terms, "terms");
        List<FieldError> errors = new ArrayList<>();
        if (terms.elements() == null || terms.elements().isEmpty()) {
            errors.add(new FieldError("elements", "at least one element is required"));
        } else if (terms.elements().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("elements", "must not contain null"));
        }
        int term = terms.termMonths() == null ? DEFAULT_TERM_MONTHS : terms.termMonths();
        if (term < MIN_MONTHS || term > MAX_MONTHS) {
            errors.add(new FieldError("termMonths", "must be between " + MIN_MONTHS + " and " + MAX_MONTHS));
        }
        int notice = terms.noticeMonths() == null ? DEFAULT_NOTICE_MONTHS : terms.noticeMonths();
        if (notice < 0 || notice > MAX_MONTHS) {
            errors.add(new FieldError("noticeMonths", "must be between 0 and " + MAX_MONTHS));
        }
        if (terms.effectiveAt() != null && !terms.effectiveAt().isAfter(now)) {
            errors.add(new FieldError("effectiveAt", "must be in the future (or omitted: effective at acceptance)"));
        }
        if (terms.reservation() != null && terms.reservation().length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError("reservation", "must be at most " + MAX_TEXT_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        elements = EnumSet.copyOf(terms.elements());
        termMonths = term;
        noticeMonths = notice;
        proposedEffectiveAt = terms.effectiveAt() == null ? null : micros(terms.effectiveAt());
        setReservation(actor, blankToNull(terms.reservation()));
    }

    private void setReservation(Party party, String text) {
        if (text == null) {
            reservations.remove(party);
        } else {
            reservations.put(party, text);
        }
    }

    /** IllegalTransition unless {@code action} is in {@link #allowedActions(Party)}. */
    private void require(Party actor, AgreementAction action) {
        Objects.requireNonNull(actor, "actor");
        if (!allowedActions(actor).contains(action)) {
            throw illegal(actor, action);
        }
    }

    /**
     * IllegalTransition unless the status is {@code state}; consent-state problems (already consented, nothing to
     * revoke) are then reported as RuleViolations by the caller, which is more precise than "not allowed".
     */
    private void requireState(Party actor, AgreementAction action, AgreementStatus state) {
        Objects.requireNonNull(actor, "actor");
        if (status != state) {
            throw illegal(actor, action);
        }
    }

    private IllegalTransition illegal(Party actor, AgreementAction action) {
        List<String> allowed = allowedActions(actor).stream().map(AgreementAction::apiName).toList();
        String role = actor == proposer ? "the proposer" : "the other party";
        return new IllegalTransition(status.name(), action.apiName(), allowed,
                "'" + action.apiName() + "' is not allowed for " + actor + " (" + role + ") in state " + status
                        + "; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
    }

    private void refuseIfDue(Instant now) {
        if (status == AgreementStatus.PROVISIONAL && !now.isBefore(expiresAt)) {
            throw new RuleViolation("agreement-expired", "the agreement expired at " + expiresAt
                    + "; no extension took effect");
        }
        if (status == AgreementStatus.WITHDRAWAL_PENDING && !now.isBefore(noticeEndsAt)) {
            throw new RuleViolation("agreement-ended", "the withdrawal notice period ended at " + noticeEndsAt);
        }
    }

    private void clearConsents() {
        extensionConsents.clear();
        permanenceConsents.clear();
    }

    private static String requiredText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationFailed.of(field, "is required");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ValidationFailed.of(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private static String optionalText(String field, String text) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw ValidationFailed.of(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return blankToNull(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static Instant micros(Instant t) {
        return Objects.requireNonNull(t, "now").truncatedTo(ChronoUnit.MICROS);
    }

    /** Calendar months in UTC. */
    public static Instant plusMonths(Instant t, int months) {
        return t.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    // ---------------------------------------------------------------- getters

    public UUID getId() {
        return id;
    }

    public Party getProposer() {
        return proposer;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    /** A copy; never empty once created. */
    public Set<Element> getElements() {
        return elements.isEmpty() ? Set.of() : EnumSet.copyOf(elements);
    }

    public int getTermMonths() {
        return termMonths;
    }

    public int getNoticeMonths() {
        return noticeMonths;
    }

    public Instant getProposedEffectiveAt() {
        return proposedEffectiveAt;
    }

    public Optional<String> reservation(Party party) {
        return Optional.ofNullable(reservations.get(party));
    }

    public Map<Party, String> getReservations() {
        return Map.copyOf(reservations);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getPermanentAt() {
        return permanentAt;
    }

    public Optional<ExtensionConsent> extensionConsent(Party party) {
        return Optional.ofNullable(extensionConsents.get(party));
    }

    public Map<Party, ExtensionConsent> getExtensionConsents() {
        return Map.copyOf(extensionConsents);
    }

    public Optional<PermanenceConsent> permanenceConsent(Party party) {
        return Optional.ofNullable(permanenceConsents.get(party));
    }

    public Map<Party, PermanenceConsent> getPermanenceConsents() {
        return Map.copyOf(permanenceConsents);
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }

    public Party getWithdrawnBy() {
        return withdrawnBy;
    }

    public Instant getWithdrawalDeclaredAt() {
        return withdrawalDeclaredAt;
    }

    public Instant getNoticeEndsAt() {
        return noticeEndsAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getCameIntoForceAt() {
        return cameIntoForceAt;
    }

    /** Optimistic-lock version, owned by the persistence layer (never changed by commands). */
    public long getVersion() {
        return version;
    }
}
