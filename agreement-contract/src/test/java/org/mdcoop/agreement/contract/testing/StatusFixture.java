package org.mdcoop.agreement.contract.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.InForceRule;

/**
 * Makes the statuses of one agreement as the agreement-service would: every call is the next revision. The one way
 * tests (the producer's, common's consumer's and every follower's) build a status; publishing them is common's
 * test-jar {@code StatusFeed}.
 */
public final class StatusFixture {

    public static final Set<String> ALL_ELEMENTS =
            Set.of("TRANSPARENCY", "JOINT_EXERCISES", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE");

    private final UUID agreementId;
    private Set<String> elements;
    private Set<String> stopped = Set.of();
    private long revision;
    private Instant effectiveAt;
    private Instant expiresAt;

    private StatusFixture(UUID agreementId, Set<String> elements) {
        this.agreementId = agreementId;
        this.elements = Set.copyOf(elements);
    }

    /** A fresh agreement covering {@code elements}; no status made yet. */
    public static StatusFixture agreement(Set<String> elements) {
        return new StatusFixture(UUID.randomUUID(), elements);
    }

    /** An agreement already known (e.g. found in a follower's view), whose last revision was {@code revision}. */
    public static StatusFixture existing(UUID agreementId, Set<String> elements, long revision) {
        StatusFixture fixture = new StatusFixture(agreementId, elements);
        fixture.revision = revision;
        return fixture;
    }

    public UUID id() {
        return agreementId;
    }

    public synchronized long revision() {
        return revision;
    }

    /** Accepted: effective at {@code effectiveAt}, for four years (the default term). */
    public AgreementStatusMessage provisional(Instant effectiveAt) {
        return provisional(effectiveAt, effectiveAt.plus(Duration.ofDays(4 * 365)));
    }

    public synchronized AgreementStatusMessage provisional(Instant effectiveAt, Instant expiresAt) {
        this.effectiveAt = effectiveAt;
        this.expiresAt = expiresAt;
        return next("PROVISIONAL", expiresAt, null, null, null, effectiveAt);
    }

    /**
     * One party stopped {@code element} (issue 16): the next revision in the current status and terms, without the
     * element in {@code elements} and with it in {@code stoppedElements}.
     */
    public synchronized AgreementStatusMessage elementStopped(String status, String element) {
        java.util.Set<String> running = new java.util.TreeSet<>(elements);
        running.remove(element);
        java.util.Set<String> nowStopped = new java.util.TreeSet<>(stopped);
        nowStopped.add(element);
        elements = Set.copyOf(running);
        stopped = Set.copyOf(nowStopped);
        return next(status, "PERMANENT".equals(status) ? null : expiresAt, null, null, null, effectiveAt);
    }

    public synchronized AgreementStatusMessage permanent() {
        expiresAt = null;
        return next("PERMANENT", null, null, null, null, effectiveAt);
    }

    public synchronized AgreementStatusMessage withdrawalPending(Instant noticeEndsAt, String by) {
        return next("WITHDRAWAL_PENDING", null, noticeEndsAt, null, by, effectiveAt);
    }

    /** Withdrawn at {@code endedAt} by {@code by} (NATO or RUSSIA). */
    public synchronized AgreementStatusMessage withdrawn(Instant endedAt, String by) {
        return next("WITHDRAWN", expiresAt, null, endedAt, by, effectiveAt);
    }

    public synchronized AgreementStatusMessage expired() {
        return next("EXPIRED", expiresAt, null, expiresAt, null, effectiveAt);
    }

    /** Any status, for tests of odd inputs (this agreement's next revision). */
    public synchronized AgreementStatusMessage next(String status, Instant expiresAt, Instant noticeEndsAt,
            Instant endedAt, String withdrawnBy, Instant effectiveAt) {
        revision++;
        AgreementStatusMessage s = new AgreementStatusMessage(agreementId, revision, status, elements, false,
                effectiveAt, expiresAt, noticeEndsAt, endedAt, withdrawnBy, 6);
        // the advisory flag as the agreement-service would set it, evaluated now
        return new AgreementStatusMessage(agreementId, revision, status, elements,
                effectiveAt != null && InForceRule.inForceAt(s, Instant.now()), effectiveAt, expiresAt, noticeEndsAt,
                endedAt, withdrawnBy, 6, stopped);
    }
}
