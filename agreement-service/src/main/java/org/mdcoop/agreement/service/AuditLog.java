package org.mdcoop.agreement.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.agreement.audit.AuditChain;
import org.mdcoop.agreement.audit.AuditEntry;
import org.mdcoop.agreement.audit.PayloadDigest;
import org.mdcoop.agreement.audit.VerificationResult;
import org.mdcoop.agreement.persistence.AuditRow;
import org.mdcoop.common.domain.Party;

/** The joint audit log: appended in the transaction of each command, read and verified by both parties. */
@ApplicationScoped
public class AuditLog {

    /** Serialises appends across transactions and instances so the chain never forks. */
    private static final long CHAIN_LOCK_KEY = 0x6d64636f6f70L;

    private final EntityManager entityManager;
    private final Clock clock;

    public AuditLog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(Party party, String subject, String action, UUID agreementId, Object payload) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)")
                .setParameter("key", CHAIN_LOCK_KEY).getSingleResult();
        AuditEntry previous = head().orElse(null);
        AuditEntry entry = AuditChain.append(previous, new AuditEntry.Fields(clock.instant(), party, subject, action,
                agreementId, PayloadDigest.of(payload)));
        entityManager.persist(AuditRow.of(entry));
        return entry;
    }

    @Transactional
    public Optional<AuditEntry> head() {
        return entityManager.createQuery("from AuditRow order by seq desc", AuditRow.class)
                .setMaxResults(1).getResultStream().findFirst().map(AuditRow::toEntry);
    }

    @Transactional
    public List<AuditEntry> page(long fromSeq, int limit) {
        return entityManager.createQuery("from AuditRow where seq >= :from order by seq", AuditRow.class)
                .setParameter("from", fromSeq).setMaxResults(limit)
                .getResultStream().map(AuditRow::toEntry).toList();
    }

    @Transactional
    public List<AuditEntry> all() {
        return entityManager.createQuery("from AuditRow order by seq", AuditRow.class)
                .getResultStream().map(AuditRow::toEntry).toList();
    }

    /** Recomputes the whole chain from the stored rows. */
    public VerificationResult verify() {
        return AuditChain.verify(all());
    }
}
