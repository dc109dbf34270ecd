package org.mdcoop.agreement.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.testing.StatusFixture;

/** The in-force rule and the revision order every follower applies. Plain JUnit. */
class InForceRuleTest {

    private static final Instant T = Instant.parse("2030-06-01T12:00:00Z");
    private static final Instant EXPIRY = T.plus(Duration.ofDays(30));

    private final StatusFixture agreement = StatusFixture.agreement(Set.of("TRANSPARENCY", "JOINT_EXERCISES"));

    @Test
    void aDeferredStartIsInForceFromItsEffectiveMomentWithoutAnotherMessage() {
        AgreementStatusMessage accepted = agreement.provisional(T, EXPIRY);

        assertThat(InForceRule.inForceAt(accepted, T.minusNanos(1000))).isFalse();
        assertThat(InForceRule.inForceAt(accepted, T)).isTrue();
        assertThat(InForceRule.inForceAt(accepted, T.plusSeconds(1))).isTrue();
    }

    @Test
    void aProvisionalAgreementIsNotInForceFromItsExpiryOn() {
        AgreementStatusMessage accepted = agreement.provisional(T, EXPIRY);

        assertThat(InForceRule.inForceAt(accepted, EXPIRY.minusNanos(1000))).isTrue();
        assertThat(InForceRule.inForceAt(accepted, EXPIRY)).isFalse();
        assertThat(InForceRule.inForceAt(accepted, EXPIRY.plus(Duration.ofDays(400)))).isFalse();
    }

    @Test
    void aPermanentAgreementHasNoExpiry() {
        agreement.provisional(T, EXPIRY);
        AgreementStatusMessage permanent = agreement.permanent();

        assertThat(permanent.expiresAt()).isNull();
        assertThat(InForceRule.inForceAt(permanent, EXPIRY.plus(Duration.ofDays(10 * 365)))).isTrue();
    }

    @Test
    void aNoticeRunsUntilItsEndAndNotAfter() {
        agreement.provisional(T, EXPIRY);
        agreement.permanent();
        Instant noticeEnd = T.plus(Duration.ofDays(200));
        AgreementStatusMessage notice = agreement.withdrawalPending(noticeEnd, "RUSSIA");

        assertThat(InForceRule.inForceAt(notice, noticeEnd.minusSeconds(1))).isTrue();
        assertThat(InForceRule.inForceAt(notice, noticeEnd)).isFalse();
    }

    @Test
    void withdrawnExpiredAndUnknownStatusesAreNeverInForceWhateverTheClockSays() {
        agreement.provisional(T, EXPIRY);
        // ended "in the future" by a producer clock hours ahead: still ended
        AgreementStatusMessage withdrawn = agreement.withdrawn(T.plus(Duration.ofHours(5)), "RUSSIA");

        assertThat(InForceRule.inForceAt(withdrawn, T.plusSeconds(10))).isFalse();
        assertThat(InForceRule.inForceAt(agreement.next("SUSPENDED_BY_MARTIANS", EXPIRY, null, null, null, T),
                T.plusSeconds(10))).isFalse();
        assertThat(InForceRule.inForceAt(StatusFixture.agreement(Set.of("TRANSPARENCY")).expired(), T)).isFalse();
    }

    @Test
    void missingTermsFailClosed() {
        assertThat(InForceRule.inForceAt("PROVISIONAL", null, EXPIRY, null, T)).isFalse();
        assertThat(InForceRule.inForceAt("PROVISIONAL", T, null, null, T)).isFalse();
        assertThat(InForceRule.inForceAt("WITHDRAWAL_PENDING", T, null, null, T)).isFalse();
        assertThat(InForceRule.inForceAt(null, T, EXPIRY, null, T)).isFalse();
    }

    @Test
    void onlyCoveredElementsAreInForce() {
        AgreementStatusMessage accepted = agreement.provisional(T, EXPIRY);

        assertThat(InForceRule.covers(accepted, "JOINT_EXERCISES", T)).isTrue();
        assertThat(InForceRule.covers(accepted, "DATA_FUSION_CENTRE", T)).isFalse();
    }

    @Test
    void onlyAHigherRevisionSupersedesAndNothingReopensAnEndedAgreement() {
        AgreementStatusMessage accepted = agreement.provisional(T, EXPIRY);
        AgreementStatusMessage withdrawn = agreement.withdrawn(T.plusSeconds(60), "NATO");
        AgreementStatusMessage fromTheFuture = agreement.provisional(T, EXPIRY);

        assertThat(InForceRule.supersedes(accepted, null, 0)).isTrue();
        assertThat(InForceRule.supersedes(withdrawn, accepted.status(), accepted.revision())).isTrue();
        assertThat(InForceRule.supersedes(accepted, withdrawn.status(), withdrawn.revision()))
                .as("an older revision delivered late").isFalse();
        assertThat(InForceRule.supersedes(accepted, accepted.status(), accepted.revision()))
                .as("the same revision again (heartbeat)").isFalse();
        assertThat(InForceRule.supersedes(fromTheFuture, withdrawn.status(), withdrawn.revision()))
                .as("even a higher revision cannot reopen a withdrawn agreement").isFalse();
    }

    @Test
    void aStatusWithoutIdOrStatusIsRefused() {
        assertThat(new AgreementStatusMessage(null, 1, "PROVISIONAL", null, true, T, EXPIRY, null, null, null, 6)
                .problem()).contains("agreementId");
        assertThat(new AgreementStatusMessage(agreement.id(), 1, " ", null, true, T, EXPIRY, null, null, null, 6)
                .problem()).contains("status");
        assertThat(agreement.provisional(T, EXPIRY).problem()).isNull();
    }
}
