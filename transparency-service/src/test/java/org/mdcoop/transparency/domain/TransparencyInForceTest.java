package org.mdcoop.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.transparency.domain.TransparencyInForce.AgreementEvent;

class TransparencyInForceTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant T1 = Instant.parse("2026-07-01T12:00:00Z");
    private static final Instant T2 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2027-06-01T00:00:00Z");
    private static final List<String> WITH = List.of("TRANSPARENCY", "JOINT_EXERCISES");
    private static final List<String> WITHOUT = List.of("JOINT_EXERCISES", "DATA_FUSION_CENTRE");

    @Test
    void nothingIsInForceBeforeActivation() {
        TransparencyInForce v = new TransparencyInForce();
        assertThat(v.inForce()).isFalse();
        assertThat(v.apply(AgreementEvent.PROPOSED, A, WITH, T1)).isFalse();
        assertThat(v.inForce()).isFalse();
        assertThatThrownBy(() -> v.requireInForce("submit a disclosure"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("transparency-not-in-force");
                    assertThat(e.getMessage()).contains("submit a disclosure");
                });
    }

    @Test
    void activationWithTransparencyPutsItInForceSinceTheEventTime() {
        TransparencyInForce v = new TransparencyInForce();
        assertThat(v.apply(AgreementEvent.ACTIVATED, A, WITH, T1)).isTrue();
        assertThat(v.inForce()).isTrue();
        assertThat(v.since()).isEqualTo(T1);
        assertThat(v.activatedAt()).isEqualTo(T1);
        assertThat(v.endedAt()).isNull();
        assertThat(v.agreementId()).isEqualTo(A);
        v.requireInForce("anything");
    }

    @Test
    void activationWithoutTransparencyIsNotInForce() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITHOUT, T1);
        assertThat(v.agreementActive()).isTrue();
        assertThat(v.inForce()).isFalse();
        // an amendment adding TRANSPARENCY brings it into force from then
        v.apply(AgreementEvent.AMENDMENT_ADOPTED, A, WITH, T2);
        assertThat(v.inForce()).isTrue();
        assertThat(v.since()).isEqualTo(T2);
        assertThat(v.activatedAt()).isEqualTo(T1);
    }

    @Test
    void extensionPermanenceAndWithdrawalNoticeKeepItInForceWithoutMovingSince() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        assertThat(v.apply(AgreementEvent.EXTENDED, A, null, T2)).isFalse();
        assertThat(v.apply(AgreementEvent.MADE_PERMANENT, A, WITH, T2)).isFalse();
        assertThat(v.apply(AgreementEvent.WITHDRAWAL_NOTICED, A, null, T3)).isFalse();
        assertThat(v.inForce()).isTrue();
        assertThat(v.since()).isEqualTo(T1);
    }

    @Test
    void withdrawalEndsItAndRecordsWhen() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        assertThat(v.apply(AgreementEvent.WITHDRAWN, A, null, T2)).isTrue();
        assertThat(v.inForce()).isFalse();
        assertThat(v.endedAt()).isEqualTo(T2);
        assertThat(v.since()).isEqualTo(T1);
        assertThat(v.agreementEnded()).isTrue();
        assertThatThrownBy(() -> v.requireInForce("announce a test")).hasMessageContaining("ended " + T2);
    }

    @Test
    void expiryEndsItToo() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply("agreement.activated", A, WITH, T1);
        v.apply("expired", A, null, T3);
        assertThat(v.inForce()).isFalse();
        assertThat(v.endedAt()).isEqualTo(T3);
    }

    @Test
    void anEndedAgreementDoesNotComeBackFromRedeliveredOrLateEvents() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        v.apply(AgreementEvent.WITHDRAWN, A, null, T2);
        assertThat(v.apply(AgreementEvent.ACTIVATED, A, WITH, T1)).isFalse();
        assertThat(v.apply(AgreementEvent.EXTENDED, A, WITH, T3)).isFalse();
        assertThat(v.apply(AgreementEvent.WITHDRAWN, A, null, T3)).isFalse();
        assertThat(v.inForce()).isFalse();
        assertThat(v.endedAt()).isEqualTo(T2);
    }

    @Test
    void applyingTheSameEventTwiceIsHarmless() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        assertThat(v.apply(AgreementEvent.ACTIVATED, A, WITH, T1)).isFalse();
        assertThat(v.since()).isEqualTo(T1);
    }

    @Test
    void eventsOfAnotherAgreementDoNotTouchTheOneInForce() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        v.apply(AgreementEvent.ACTIVATED, B, WITHOUT, T2);
        v.apply(AgreementEvent.WITHDRAWN, B, null, T2);
        assertThat(v.inForce()).isTrue();
        assertThat(v.agreementId()).isEqualTo(A);
    }

    @Test
    void aNewAgreementAfterTheEndStartsANewPeriod() {
        TransparencyInForce v = new TransparencyInForce();
        v.apply(AgreementEvent.ACTIVATED, A, WITH, T1);
        v.apply(AgreementEvent.WITHDRAWN, A, null, T2);
        assertThat(v.apply(AgreementEvent.ACTIVATED, B, WITH, T3)).isTrue();
        assertThat(v.agreementId()).isEqualTo(B);
        assertThat(v.since()).isEqualTo(T3);
        assertThat(v.activatedAt()).isEqualTo(T3);
        assertThat(v.endedAt()).isNull();
    }

    @Test
    void wireTypesAreParsedLeniently() {
        assertThat(AgreementEvent.fromWire("made-permanent")).isEqualTo(AgreementEvent.MADE_PERMANENT);
        assertThat(AgreementEvent.fromWire("agreement.withdrawal-noticed"))
                .isEqualTo(AgreementEvent.WITHDRAWAL_NOTICED);
        assertThat(AgreementEvent.fromWire("AmendmentAdopted")).isEqualTo(AgreementEvent.AMENDMENT_ADOPTED);
        assertThat(AgreementEvent.fromWire("EXPIRED")).isEqualTo(AgreementEvent.EXPIRED);
    }

    @Test
    void rebuildsFromThePublishedAgreementStatus() {
        TransparencyInForce pending = TransparencyInForce.fromAgreementStatus(A, "WITHDRAWAL_PENDING", WITH, T1, null);
        assertThat(pending.inForce()).isTrue();
        assertThat(pending.since()).isEqualTo(T1);
        TransparencyInForce gone = TransparencyInForce.fromAgreementStatus(A, "WITHDRAWN", WITH, T1, T2);
        assertThat(gone.inForce()).isFalse();
        assertThat(gone.endedAt()).isEqualTo(T2);
        assertThat(gone.agreementEnded()).isTrue();
        assertThat(TransparencyInForce.fromAgreementStatus(A, "PROPOSED", WITH, null, null).inForce()).isFalse();
        assertThat(TransparencyInForce.fromAgreementStatus(A, "PROVISIONAL", WITHOUT, T1, null).inForce()).isFalse();
    }

    @Test
    void restoreRoundTripsTheStoredState() {
        TransparencyInForce v = TransparencyInForce.restore(A, true, false, Set.of("TRANSPARENCY"), T1, T1, null);
        assertThat(v.inForce()).isTrue();
        v.apply(AgreementEvent.EXPIRED, A, null, T2);
        assertThat(v.endedAt()).isEqualTo(T2);
    }
}
