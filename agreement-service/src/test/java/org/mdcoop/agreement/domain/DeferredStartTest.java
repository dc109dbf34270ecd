package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.agreement.domain.Fixtures.T0;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The effective moment of a deferred start is announced once, by the scheduler; an immediate start needs none. */
class DeferredStartTest {

    private static final Instant EFFECTIVE = T0.plus(Duration.ofDays(3));

    private static Agreement acceptedWithDeferredStart() {
        Agreement a = Agreement.createDraft(UUID.randomUUID(), NATO, T0,
                new DraftTerms(EnumSet.of(Element.TRANSPARENCY), 12, EFFECTIVE, null)).agreement();
        a.submit(NATO, T0);
        a.accept(RUSSIA, T0.plusSeconds(60));
        return a;
    }

    @Test
    void beforeTheMomentNothingIsDue() {
        Agreement a = acceptedWithDeferredStart();

        assertThat(a.inForceDueAt()).isEqualTo(EFFECTIVE);
        assertThat(a.comeIntoForceIfDue(EFFECTIVE.minusSeconds(1))).isEmpty();
        assertThat(a.isInForceAt(EFFECTIVE.minusSeconds(1))).isFalse();
    }

    @Test
    void atTheMomentItComesIntoForceOnceWithNobodyActing() {
        Agreement a = acceptedWithDeferredStart();

        assertThat(a.comeIntoForceIfDue(EFFECTIVE.plusSeconds(2))).contains(new AgreementEvent.CameIntoForce(
                a.getId(), null, EFFECTIVE.plusSeconds(2), EnumSet.of(Element.TRANSPARENCY), EFFECTIVE,
                a.getExpiresAt()));
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.getCameIntoForceAt()).isEqualTo(EFFECTIVE);
        assertThat(a.inForceDueAt()).isNull();
        assertThat(a.comeIntoForceIfDue(EFFECTIVE.plusSeconds(3))).as("announced once").isEmpty();
        assertThat(a.comeIntoForceIfDue(EFFECTIVE).map(AgreementEvent::type)).isEmpty();
    }

    @Test
    void theAnnouncementSurvivesStorage() {
        Agreement a = acceptedWithDeferredStart();
        a.comeIntoForceIfDue(EFFECTIVE);

        assertThat(Agreement.rehydrate(a.snapshot()).comeIntoForceIfDue(EFFECTIVE.plusSeconds(5))).isEmpty();
    }

    @Test
    void anImmediateStartHasNothingToAnnounce() {
        Agreement a = Fixtures.provisional();

        assertThat(a.inForceDueAt()).isNull();
        assertThat(a.comeIntoForceIfDue(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void aWithdrawalBeforeTheMomentCancelsTheAnnouncement() {
        Agreement a = acceptedWithDeferredStart();
        a.withdraw(RUSSIA, T0.plusSeconds(120), "changed its mind", java.time.Period.ZERO);

        assertThat(a.inForceDueAt()).isNull();
        assertThat(a.comeIntoForceIfDue(EFFECTIVE.plusSeconds(1))).isEmpty();
    }

    @Test
    void theInForceEventHasItsStableType() {
        assertThat(new AgreementEvent.CameIntoForce(UUID.randomUUID(), null, T0, EnumSet.of(Element.TRANSPARENCY),
                T0, T0).type()).isEqualTo("agreement.in-force");
    }
}
