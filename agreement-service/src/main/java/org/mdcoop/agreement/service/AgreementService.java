package org.mdcoop.agreement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AgreementEvent;
import org.mdcoop.agreement.domain.AgreementSnapshot;
import org.mdcoop.agreement.domain.AgreementStatus;
import org.mdcoop.agreement.domain.DomainEvent;
import org.mdcoop.agreement.domain.DraftTerms;
import org.mdcoop.agreement.domain.Element;
import org.mdcoop.agreement.messaging.AgreementEventPublisher;
import org.mdcoop.agreement.persistence.AgreementRow;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.persistence.StateJson;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;

/**
 * Agreement use cases: each command is one transaction that loads the aggregate, applies the domain rule, stores
 * the new state (optimistic lock), appends to the joint audit log and writes the events to the outbox.
 */
@ApplicationScoped
public class AgreementService {

    /** Who did it: the caller's party (from the verifying tenant) and issuer-qualified subject. */
    public record Actor(Party party, String subject) {
        public static final Actor SYSTEM = new Actor(null, "system|scheduler");
    }

    private static final List<String> OPEN_STATUSES =
            List.of("PROPOSED", "PROVISIONAL", "PERMANENT", "WITHDRAWAL_PENDING");

    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditLog auditLog;
    private final AgreementEventPublisher publisher;
    private final AgreementConfig config;

    public AgreementService(EntityManager entityManager, Clock clock, AuditLog auditLog,
            AgreementEventPublisher publisher, AgreementConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.auditLog = auditLog;
        this.publisher = publisher;
        this.config = config;
    }

    // ------------------------------------------------------------------ reads

    /**
     * {@link #list(Party)} by pages of {@code limit}, newest first, after {@code cursor} (null: from the newest). The
     * cursor names the (creation time, id) of the previous page's last agreement, so pages do not shift when
     * agreements are added meanwhile; a cursor that is not one is a 400 naming {@code cursor} (common's Paging).
     */
    @Transactional
    public Page<AgreementView> page(Party viewer, int limit, String cursor) {
        SortKey after = Paging.after(cursor, 2, parts -> new SortKey(Instant.parse(parts[0]), UUID.fromString(parts[1])));
        Instant now = clock.instant();
        var query = entityManager.createQuery("from AgreementRow where (status <> 'DRAFT' or proposer = :viewer)"
                + (after == null ? "" : " and (createdAt < :at or (createdAt = :at and id < :id))") + ORDER,
                AgreementRow.class)
                .setParameter("viewer", viewer.name())
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        return Paging.of(query.getResultList(), limit, row -> Paging.cursor(row.createdAt, row.id),
                row -> AgreementView.of(load(row), viewer, now, row.version));
    }

    /** The list order: newest first; the id (descending) orders agreements created at one instant, so it is total. */
    private static final String ORDER = " order by createdAt desc, id desc";

    /** A row's place in {@link #ORDER}, as a cursor carries it. */
    private record SortKey(Instant createdAt, UUID id) {
    }

    @Transactional
    public List<AgreementView> list(Party viewer) {
        Instant now = clock.instant();
        return entityManager.createQuery(
                "from AgreementRow where status <> 'DRAFT' or proposer = :viewer" + ORDER,
                AgreementRow.class)
                .setParameter("viewer", viewer.name())
                .getResultStream()
                .map(row -> AgreementView.of(load(row), viewer, now, row.version))
                .toList();
    }

    @Transactional
    public AgreementView get(UUID id, Party viewer) {
        AgreementRow row = visibleRow(id, viewer, LockModeType.NONE);
        return AgreementView.of(load(row), viewer, clock.instant(), row.version);
    }

    /** The current agreement status for other services (the same content as the agreement.status topic). */
    @Transactional
    public List<AgreementStatusMessage> statuses() {
        Instant now = clock.instant();
        return entityManager.createQuery("from AgreementRow where status <> 'DRAFT' order by createdAt",
                AgreementRow.class)
                .getResultStream()
                .map(row -> AgreementEventPublisher.statusOf(load(row), row.version, now))
                .toList();
    }

    /**
     * What the heartbeat repeats: the committed status of every open agreement, and of those that ended within
     * {@code endedWithin} (so an end reaches the followers even if its outbox message is held up).
     */
    @Transactional
    public List<AgreementStatusMessage> heartbeatStatuses(java.time.Duration endedWithin) {
        Instant now = clock.instant();
        return entityManager.createQuery("from AgreementRow where status in :open "
                + "or (status <> 'DRAFT' and updatedAt >= :since) order by createdAt", AgreementRow.class)
                .setParameter("open", OPEN_STATUSES).setParameter("since", now.minus(endedWithin))
                .getResultStream()
                .map(row -> AgreementEventPublisher.statusOf(load(row), row.version, now))
                .toList();
    }

    // ------------------------------------------------------------------ commands

    @Transactional
    public AgreementView createDraft(Actor actor, DraftTerms terms) {
        Instant now = clock.instant();
        Agreement.Drafted drafted = Agreement.createDraft(UUID.randomUUID(), actor.party(), now, terms);
        AgreementRow row = new AgreementRow();
        row.id = drafted.agreement().getId();
        row.createdAt = now;
        write(row, drafted.agreement(), now);
        entityManager.persist(row);
        entityManager.flush();
        return AgreementView.of(drafted.agreement(), actor.party(), now, row.version);
    }

    @Transactional
    public AgreementView editDraft(Actor actor, UUID id, DraftTerms terms) {
        return command(actor, id, payloadOf(terms), (a, now) -> a.editDraft(actor.party(), now, terms));
    }

    @Transactional
    public AgreementView submit(Actor actor, UUID id) {
        visibleRow(id, actor.party(), LockModeType.NONE); // an unknown or hidden id is 404 before any rule
        ensureNoOtherOpenAgreement(id);
        return command(actor, id, Map.of(), (a, now) -> a.submit(actor.party(), now));
    }

    @Transactional
    public AgreementView accept(Actor actor, UUID id) {
        return command(actor, id, Map.of(), (a, now) -> a.accept(actor.party(), now));
    }

    @Transactional
    public AgreementView reject(Actor actor, UUID id, String reason) {
        return command(actor, id, reasonPayload(reason), (a, now) -> a.reject(actor.party(), now, reason));
    }

    @Transactional
    public AgreementView retract(Actor actor, UUID id, String reason) {
        return command(actor, id, reasonPayload(reason), (a, now) -> a.retract(actor.party(), now, reason));
    }

    @Transactional
    public AgreementView withdraw(Actor actor, UUID id, String reason) {
        return command(actor, id, reasonPayload(reason),
                (a, now) -> a.withdraw(actor.party(), now, reason));
    }

    /** One party stops one element alone (issue 16); the last running element is a withdrawal. */
    @Transactional
    public AgreementView stopElement(Actor actor, UUID id, Element element, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("element", element == null ? null : element.name());
        payload.put("reason", reason);
        return command(actor, id, payload, (a, now) -> a.stopElement(actor.party(), now, element, reason));
    }

    @Transactional
    public AgreementView consentToExtension(Actor actor, UUID id, int months) {
        return command(actor, id, Map.of("months", months),
                (a, now) -> a.consentToExtension(actor.party(), now, months));
    }

    @Transactional
    public AgreementView revokeExtensionConsent(Actor actor, UUID id) {
        return command(actor, id, Map.of(), (a, now) -> a.revokeExtensionConsent(actor.party(), now));
    }

    @Transactional
    public AgreementView consentToPermanence(Actor actor, UUID id) {
        return command(actor, id, Map.of(), (a, now) -> a.consentToPermanence(actor.party(), now));
    }

    @Transactional
    public AgreementView revokePermanenceConsent(Actor actor, UUID id) {
        return command(actor, id, Map.of(), (a, now) -> a.revokePermanenceConsent(actor.party(), now));
    }

    @Transactional
    public AgreementView recordReservation(Actor actor, UUID id, String text) {
        return command(actor, id, Map.of("text", text == null ? "" : text),
                (a, now) -> a.recordReservation(actor.party(), now, text));
    }

    /**
     * Applies the time-driven transitions that are due: a deferred effective moment (announced as
     * {@code agreement.in-force}), expiry of a provisional agreement and the end of a withdrawal notice. Called by
     * the scheduler; returns how many agreements changed. Each row is locked first, so a command and the scheduler
     * (or two replicas' schedulers) never apply to the same state.
     */
    @Transactional
    public int applyDueTransitions() {
        Instant now = clock.instant();
        List<UUID> due = entityManager.createQuery(
                "select id from AgreementRow where (status = 'PROVISIONAL' and expiresAt <= :now) "
                        + "or (status = 'WITHDRAWAL_PENDING' and noticeEndsAt <= :now) or inForceDueAt <= :now",
                UUID.class)
                .setParameter("now", now)
                .getResultList();
        int changed = 0;
        for (UUID id : due) {
            AgreementRow row = entityManager.find(AgreementRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            now = clock.instant();
            Agreement agreement = load(row);
            List<AgreementEvent> events = new java.util.ArrayList<>();
            agreement.comeIntoForceIfDue(now).ifPresent(events::add);
            agreement.expireIfDue(now).ifPresent(events::add);
            agreement.completeWithdrawalIfDue(now).ifPresent(events::add);
            if (!events.isEmpty()) {
                record(Actor.SYSTEM, row, agreement, events, Map.of(), now);
                changed++;
            }
        }
        return changed;
    }

    // ------------------------------------------------------------------ plumbing

    interface Command extends java.util.function.BiFunction<Agreement, Instant, List<AgreementEvent>> {
    }

    /** Runs a command on one agreement under its row lock ({@link #lockedRow}), taking the time after the lock. */
    private AgreementView command(Actor actor, UUID id, Map<String, ?> payload, Command command) {
        AgreementRow row = lockedRow(id, actor.party());
        Instant now = clock.instant();
        Agreement agreement = load(row);
        List<AgreementEvent> events = command.apply(agreement, now);
        record(actor, row, agreement, events, payload, now);
        entityManager.flush();
        return AgreementView.of(agreement, actor.party(), now, row.version);
    }

    private void record(Actor actor, AgreementRow row, Agreement agreement, List<? extends DomainEvent> events,
            Map<String, ?> payload, Instant now) {
        write(row, agreement, now);
        for (DomainEvent event : events) {
            if (!AgreementEventPublisher.isPrivate(event)) {
                auditLog.append(actor.party(), actor.subject(), event.type(), agreement.getId(), payload);
            }
        }
        // the version the change commits with is the status's revision: flush so the row has it
        entityManager.flush();
        publisher.publish(row, agreement, events, actor.party(), actor.subject(), now);
    }

    /**
     * The agreement for a command that publishes its status (agreement and amendment commands alike), read under its
     * row lock; the caller takes the time only after this returns. Every status about an agreement is then computed
     * from the latest committed state. Without the lock an amendment racing a withdrawal checked a stale "in force"
     * and was adopted after the agreement had ended.
     */
    AgreementRow lockedRow(UUID id, Party viewer) {
        return visibleRow(id, viewer, LockModeType.PESSIMISTIC_WRITE);
    }

    AgreementRow visibleRow(UUID id, Party viewer, LockModeType lock) {
        AgreementRow row = entityManager.find(AgreementRow.class, id, lock);
        // another party's draft does not exist as far as the caller can tell
        if (row == null || ("DRAFT".equals(row.status) && !row.proposer.equals(viewer.name()))) {
            throw new NotFound("agreement " + id + " not found");
        }
        return row;
    }

    Agreement load(AgreementRow row) {
        return Agreement.rehydrate(StateJson.read(row.state, AgreementSnapshot.class));
    }

    /** Stores a changed agreement in its row (an amendment that took effect). */
    void store(AgreementRow row, Agreement agreement, Instant now) {
        write(row, agreement, now);
    }

    private static void write(AgreementRow row, Agreement agreement, Instant now) {
        row.proposer = agreement.getProposer().name();
        row.status = agreement.getStatus().name();
        row.expiresAt = agreement.getExpiresAt();
        row.noticeEndsAt = agreement.getNoticeEndsAt();
        row.inForceDueAt = agreement.inForceDueAt();
        row.state = StateJson.write(agreement.snapshot());
        row.updatedAt = now;
    }

    private void ensureNoOtherOpenAgreement(UUID id) {
        List<AgreementRow> open = entityManager.createQuery(
                "from AgreementRow where status in :open and id <> :id", AgreementRow.class)
                .setParameter("open", OPEN_STATUSES).setParameter("id", id)
                .setMaxResults(1).getResultList();
        if (!open.isEmpty()) {
            throw new RuleViolation("agreement-already-open", "agreement " + open.get(0).id + " is already "
                    + open.get(0).status + "; only one agreement may be proposed or in force at a time");
        }
    }

    private static Map<String, Object> reasonPayload(String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        return payload;
    }

    private static Map<String, Object> payloadOf(DraftTerms terms) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("elements", terms.elements() == null ? null : terms.elements().stream().map(Enum::name).sorted().toList());
        payload.put("termMonths", terms.termMonths());
        payload.put("effectiveAt", terms.effectiveAt());
        payload.put("reservation", terms.reservation());
        payload.put("noticeMonths", terms.noticeMonths());
        return payload;
    }

    static boolean isOpen(AgreementStatus status) {
        return OPEN_STATUSES.contains(status.name());
    }
}
