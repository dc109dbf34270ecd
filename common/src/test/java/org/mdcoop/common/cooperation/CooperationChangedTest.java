package org.mdcoop.common.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Issue 16: a change closes an element when the agreement ends covering it, or when that element alone closed. */
class CooperationChangedTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void anEndClosesEveryElementItCovered() {
        CooperationChanged end = new CooperationChanged(ID, Set.of("TRANSPARENCY", "JOINT_EXERCISES"), false,
                "WITHDRAWN");
        assertThat(end.closes("TRANSPARENCY")).isTrue();
        assertThat(end.closes("JOINT_EXERCISES")).isTrue();
        assertThat(end.closes("DATA_FUSION_CENTRE")).isFalse();
    }

    @Test
    void oneElementStoppedClosesThatOneOnlyWhileTheAgreementStaysInForce() {
        CooperationChanged stop = new CooperationChanged(ID, Set.of("TRANSPARENCY"), true, "PROVISIONAL",
                Set.of("JOINT_EXERCISES"), Set.of());
        assertThat(stop.ended()).isFalse();
        assertThat(stop.closes("JOINT_EXERCISES")).isTrue();
        assertThat(stop.closes("TRANSPARENCY")).isFalse();
    }

    @Test
    void aStartClosesNothing() {
        CooperationChanged start = new CooperationChanged(ID, Set.of("TRANSPARENCY"), true, "PROVISIONAL");
        assertThat(start.closes("TRANSPARENCY")).isFalse();
        assertThat(start.closed()).isEmpty();
        assertThat(start.opened()).isEmpty();
    }
}
