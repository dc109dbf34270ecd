package org.mdcoop.common.cooperation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.domain.RuleViolation;

/**
 * This service's knowledge of whether cooperation is in force, and for which elements. Updated only from the
 * agreement-service's messages; the agreement-service is the single authority on the agreement's status.
 */
@ApplicationScoped
public class CooperationView {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<CooperationChanged> changes;

    public CooperationView(EntityManager entityManager, Clock clock, Event<CooperationChanged> changes) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.changes = changes;
    }

    /** The agreement in force that covers the element, if any. */
    @Transactional
    public Optional<AgreementViewRow> inForceCovering(String element) {
        return all().stream().filter(row -> row.covers(element)).findFirst();
    }

    public boolean covers(String element) {
        return inForceCovering(element).isPresent();
    }

    /** Refuses an action when no agreement covering the element is in force (409 problem+json). */
    public AgreementViewRow requireInForce(String element, String action) {
        return inForceCovering(element).orElseThrow(() -> new RuleViolation("cooperation-not-in-force",
                "cannot " + action + ": no agreement covering " + element + " is in force"));
    }

    @Transactional
    public List<AgreementViewRow> all() {
        return entityManager.createQuery("from AgreementViewRow order by asOf desc", AgreementViewRow.class)
                .getResultList();
    }

    /**
     * Applies a status if it is newer than what is known. Must run in the consumer's transaction; fires
     * {@link CooperationChanged} when the in-force flag flips.
     *
     * @return whether the view changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(AgreementStatusUpdate update) {
        AgreementViewRow row = entityManager.find(AgreementViewRow.class, update.agreementId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean wasInForce = row != null && row.inForce;
        if (row != null && !update.asOf().isAfter(row.asOf)) {
            return false;
        }
        Instant now = clock.instant();
        boolean isNew = row == null;
        if (isNew) {
            row = new AgreementViewRow();
            row.agreementId = update.agreementId();
        }
        Set<String> elements = new TreeSet<>(update.elements() == null ? Set.of() : update.elements());
        row.status = update.status();
        row.elements = String.join(",", elements);
        row.inForce = update.inForce();
        row.effectiveAt = update.effectiveAt();
        row.expiresAt = update.expiresAt();
        row.noticeEndsAt = update.noticeEndsAt();
        row.endedAt = update.endedAt();
        row.asOf = update.asOf();
        row.updatedAt = now;
        if (update.inForce() && !wasInForce) {
            row.inForceSince = update.asOf();
        }
        if (isNew) {
            entityManager.persist(row);
        }
        if (update.inForce() != wasInForce) {
            changes.fire(new CooperationChanged(update.agreementId(), elements, update.inForce(), update.status()));
        }
        return true;
    }
}
