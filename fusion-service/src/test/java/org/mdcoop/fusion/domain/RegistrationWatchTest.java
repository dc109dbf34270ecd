package org.mdcoop.fusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.engine.registration.SensorBias.Status;

class RegistrationWatchTest {

    private static SensorBias estimate(Status status) {
        return new SensorBias("EWR-1", 120.0, 0.0015, -0.0005, 15.0, 0.0002, 0.0002, 400, 3, 1000.0, status);
    }

    @Test
    void aRadarThatStartsDriftingIsWarnedAboutWithItsEstimate() {
        assertThat(RegistrationWatch.warningOn(Status.RELIABLE, estimate(Status.DRIFTING)))
                .hasValueSatisfying(w -> assertThat(w).contains("EWR-1").contains("drifting")
                        .contains("range 120.0 m").contains("azimuth 1.500 mrad"));
        assertThat(RegistrationWatch.warningOn(null, estimate(Status.DRIFTING))).isPresent();
    }

    @Test
    void aReliableEstimateThatIsNoLongerReliableIsWarnedAbout() {
        assertThat(RegistrationWatch.warningOn(Status.RELIABLE, estimate(Status.LEARNING)))
                .hasValueSatisfying(w -> assertThat(w).contains("no longer reliable").contains("sigma range 15.0 m"));
    }

    @Test
    void learningAtFirstConvergingAndStayingPutAreNoNews() {
        assertThat(RegistrationWatch.warningOn(null, estimate(Status.LEARNING))).isEmpty();
        assertThat(RegistrationWatch.warningOn(Status.LEARNING, estimate(Status.RELIABLE))).isEmpty();
        assertThat(RegistrationWatch.warningOn(Status.DRIFTING, estimate(Status.DRIFTING))).isEmpty();
        assertThat(RegistrationWatch.warningOn(Status.DRIFTING, estimate(Status.RELIABLE))).isEmpty();
    }

    @Test
    void theGaugeReadsLearningReliableDrifting() {
        assertThat(RegistrationWatch.gaugeValue(Status.LEARNING)).isZero();
        assertThat(RegistrationWatch.gaugeValue(Status.RELIABLE)).isEqualTo(1);
        assertThat(RegistrationWatch.gaugeValue(Status.DRIFTING)).isEqualTo(2);
    }
}
