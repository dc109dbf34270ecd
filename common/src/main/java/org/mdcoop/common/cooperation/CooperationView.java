package org.mdcoop.common.cooperation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.InForceRule;
import org.mdcoop.common.domain.CooperationStatusUnknown;
import org.mdcoop.common.domain.RuleViolation;

/**
 * This service's knowledge of whether cooperation is in force, and for which elements. The terms come only from the
 * agreement-service's messages (the highest revision of each agreement); whether they are in force <em>now</em> this
 * service decides itself, with its own clock ({@link InForceRule}). Cooperative actions also need the agreement to
 * be current ({@link HeartbeatWatch}): in force by the terms but not heard of lately is "unknown", and refused.
 */
@ApplicationScoped
public class CooperationView {

    /** The newest agreement first: the one a new exercise or disclosure is bound to when several are listed. */
    private static final Comparator<AgreementViewRow> NEWEST_FIRST = Comparator
            .comparing((AgreementViewRow row) -> row.effectiveAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(row -> row.updatedAt).reversed();

    /** The status of a view row created in the transaction that fills it: never committed as such. */
    static final String NOT_YET_KNOWN = "NOT_YET_KNOWN";

    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<CooperationChanged> changes;
    private final HeartbeatWatch heartbeats;

    public CooperationView(EntityManager entityManager, Clock clock, Event<CooperationChanged> changes,
            HeartbeatWatch heartbeats) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.changes = changes;
        this.heartbeats = heartbeats;
    }

    /**
     * The agreement in force by its terms that covers the element, if any, preferring one that is current. Says
     * nothing about the heartbeat: callers that act use {@link #requireInForce}.
     */
    @Transactional
    public Optional<AgreementViewRow> inForceCovering(String element) {
        Instant now = clock.instant();
        List<AgreementViewRow> inForce = all().stream().filter(row -> row.coversAt(element, now)).toList();
        return inForce.stream().filter(this::isCurrent).findFirst().or(() -> inForce.stream().findFirst());
    }

    public boolean covers(String element) {
        return inForceCovering(element).isPresent();
    }

    /**
     * The agreement a cooperative action runs under. Refuses with 409 {@code cooperation-not-in-force} when none
     * covering the element is in force by its terms, and with 503 {@code cooperation-status-unknown} when one is but
     * the agreement-service has not been heard of it for longer than the heartbeat timeout (it may have been
     * withdrawn meanwhile: fail closed).
     */
    public AgreementViewRow requireInForce(String element, String action) {
        AgreementViewRow row = inForceCovering(element).orElseThrow(() -> new RuleViolation(
                "cooperation-not-in-force", "cannot " + action + ": no agreement covering " + element + " is in force"));
        if (!isCurrent(row)) {
            throw new CooperationStatusUnknown("cannot " + action + ": agreement " + row.agreementId
                    + " was not heard of from the agreement-service for " + silence(row.agreementId)
                    + " (more than " + heartbeats.timeout().toSeconds() + " s); cooperation is suspended until it is");
        }
        return row;
    }

    /** Heard of lately, and no newer status is known that this view has not applied yet. */
    public boolean isCurrent(AgreementViewRow row) {
        return heartbeats.isCurrent(row.agreementId, row.revision);
    }

    /** In force by the terms, but not current: this service may not act on it until the heartbeat returns. */
    public boolean isSuspended(AgreementViewRow row) {
        return row.inForceAt(clock.instant()) && !isCurrent(row);
    }

    /** {@link #isSuspended} for an agreement by id; false when unknown here. */
    @Transactional
    public boolean isSuspended(UUID agreementId) {
        AgreementViewRow row = entityManager.find(AgreementViewRow.class, agreementId);
        return row != null && isSuspended(row);
    }

    /** Whether the agreement is current (see {@link #isCurrent}) at the given revision; cheap (memory only). */
    public boolean isCurrent(UUID agreementId, long revision) {
        return heartbeats.isCurrent(agreementId, revision);
    }

    /** What the service believes of one agreement now: for the cooperation endpoint and the readiness check. */
    public Cooperation stateOf(AgreementViewRow row) {
        if (!row.inForceAt(clock.instant())) {
            return Cooperation.NOT_IN_FORCE;
        }
        return isCurrent(row) ? Cooperation.IN_FORCE : Cooperation.SUSPENDED;
    }

    public String silence(UUID agreementId) {
        return heartbeats.silentFor(agreementId).map(d -> d.toSeconds() + " s")
                .orElse("as long as this instance has run");
    }

    @Transactional
    public List<AgreementViewRow> all() {
        return entityManager.createQuery("from AgreementViewRow", AgreementViewRow.class).getResultStream()
                .sorted(NEWEST_FIRST).toList();
    }

    /**
     * Keeps a status if it supersedes what is known ({@link InForceRule#supersedes}: a higher revision, and never
     * over an ended agreement). Must run in the consumer's transaction; fires {@link CooperationChanged} when this
     * service's evaluation of the terms flips.
     *
     * @return whether the view changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(AgreementStatusMessage update) {
        // The agreement's first status reaches this view twice at once (agreement.events and agreement.status): the
        // row is created empty first, so the second transaction waits for the first and then sees its row, instead of
        // both inserting (a duplicate key, which would dead-letter a valid status).
        entityManager.createNativeQuery("insert into agreement_view (agreement_id, status, elements, in_force, revision,"
                + " updated_at) values (:id, :status, '', false, -1, :now) on conflict do nothing")
                .setParameter("id", update.agreementId()).setParameter("status", NOT_YET_KNOWN)
                .setParameter("now", clock.instant()).executeUpdate();
        AgreementViewRow row = entityManager.find(AgreementViewRow.class, update.agreementId(),
                LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = NOT_YET_KNOWN.equals(row.status);
        if (!InForceRule.supersedes(update, isNew ? null : row.status, isNew ? 0 : row.revision)) {
            if (isNew) {
                entityManager.remove(row);
            }
            return false;
        }
        boolean wasInForce = !isNew && row.inForce;
        Set<String> before = isNew ? Set.of() : new TreeSet<>(row.elementList());
        row.revision = update.revision();
        row.status = update.status();
        row.elements = String.join(",", new TreeSet<>(update.elements()));
        row.effectiveAt = update.effectiveAt();
        row.expiresAt = update.expiresAt();
        row.noticeEndsAt = update.noticeEndsAt();
        row.endedAt = update.endedAt();
        row.withdrawnBy = update.withdrawnBy();
        if (isNew) {
            row.inForce = false;
            row.updatedAt = clock.instant();
        }
        if (!evaluate(row, wasInForce) && wasInForce && row.inForce) {
            elementsChanged(row, before);
        }
        heartbeats.applied(row.agreementId, row.revision);
        return true;
    }

    /**
     * Re-evaluates every agreement's terms with the clock: a deferred start opens and an expiry or the end of a notice
     * closes without any message. Each row is locked, so of several instances only one records (and fires) a flip.
     *
     * @return how many agreements flipped
     */
    @Transactional
    public int reevaluate() {
        Instant now = clock.instant();
        List<UUID> ids = entityManager.createQuery("select agreementId from AgreementViewRow", UUID.class)
                .getResultList();
        int count = 0;
        for (UUID id : ids) {
            AgreementViewRow row = entityManager.find(AgreementViewRow.class, id);
            if (row != null && row.inForce != row.inForceAt(now)) {
                entityManager.lock(row, LockModeType.PESSIMISTIC_WRITE);
                entityManager.refresh(row);
                if (evaluate(row, row.inForce)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Sets the row's in-force flag from the terms; fires the change if it flipped. */
    private boolean evaluate(AgreementViewRow row, boolean wasInForce) {
        Instant now = clock.instant();
        boolean inForce = row.inForceAt(now);
        row.inForce = inForce;
        row.updatedAt = now;
        if (inForce && !wasInForce) {
            row.inForceSince = row.effectiveAt; // in force implies effectiveAt <= now
        }
        if (inForce == wasInForce) {
            return false;
        }
        Set<String> elements = new TreeSet<>(row.elementList());
        changes.fire(new CooperationChanged(row.agreementId, elements, inForce, row.status));
        return true;
    }

    /**
     * The agreement stays in force but its elements changed (one stopped by a party, or added or removed by an
     * adopted amendment): the services close or open that element only, in this transaction.
     */
    private void elementsChanged(AgreementViewRow row, Set<String> before) {
        Set<String> after = new TreeSet<>(row.elementList());
        Set<String> closed = new TreeSet<>(before);
        closed.removeAll(after);
        Set<String> opened = new TreeSet<>(after);
        opened.removeAll(before);
        if (!closed.isEmpty() || !opened.isEmpty()) {
            changes.fire(new CooperationChanged(row.agreementId, after, true, row.status, closed, opened));
        }
    }

    /** This service's belief about one agreement. */
    public enum Cooperation {
        /** In force by the terms and heard of lately: cooperative actions run. */
        IN_FORCE,
        /** In force by the terms, but not heard of lately: new actions get 503, injects and publishing pause. */
        SUSPENDED,
        /** Not (or no longer, or not yet) in force by the terms: actions get 409. */
        NOT_IN_FORCE
    }
}
