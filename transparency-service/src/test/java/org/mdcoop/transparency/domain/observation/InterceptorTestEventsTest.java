package org.mdcoop.transparency.domain.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.TransparencyEvent;

/** Every command of an interceptor test returns the typed event of what it did. */
class InterceptorTestEventsTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(40));
    private static final Instant END = START.plus(Duration.ofHours(6));
    private static final UUID ID = UUID.fromString("e1e1e1e1-0000-4000-8000-000000000003");
    private static final TestAnnouncement ANNOUNCEMENT = new TestAnnouncement(START, END, LatLon.of(54.48, 17.10),
            "Type B", Area.circle(54.5, 17.0, 20), Area.polygon(LatLon.of(56, 18), LatLon.of(57, 19),
                    LatLon.of(56, 20)));

    private static InterceptorTest.Announced announce(int minNoticeDays) {
        return InterceptorTest.announce(ID, NATO, ANNOUNCEMENT, NOW, minNoticeDays, true);
    }

    @Test
    void announcingAcceptingRecordingAndObservingReturnTheirEvents() {
        InterceptorTest.Announced announced = announce(45);
        assertThat(announced.event()).isEqualTo(new TransparencyEvent.TestAnnounced(ID, NATO, RUSSIA, START, END,
                ANNOUNCEMENT.site(), "Type B", ANNOUNCEMENT.launchArea(), ANNOUNCEMENT.impactArea(), true, 45));
        assertThat(announced.event().type()).isEqualTo("transparency.test-announced");
        assertThat(announced.event().payloadVersion()).isEqualTo(1);
        assertThat(announced.event().subjectId()).isEqualTo(ID);

        InterceptorTest t = announced.test();
        TransparencyEvent accepted = t.accept(RUSSIA, List.of(" Obs A ", "Obs B"), NOW.plusSeconds(60));
        assertThat(accepted).isEqualTo(new TransparencyEvent.TestAccepted(ID, NATO, RUSSIA, List.of("Obs A", "Obs B")));
        assertThat(accepted.type()).isEqualTo("transparency.test-accepted");

        Measurements before = new Measurements(250.0, null, null, null, null);
        TransparencyEvent early = t.recordObservation(RUSSIA, "Obs B", before, ToleranceTable.defaults(), START);
        assertThat(early).isEqualTo(new TransparencyEvent.TestObserved(ID, NATO, RUSSIA, "Obs B", before, 0));

        Measurements declared = new Measurements(250.0, 400.0, 4.5, 300.0, 0.5);
        TransparencyEvent results = t.recordResults(NATO, declared, END);
        assertThat(results).isEqualTo(new TransparencyEvent.TestResultsRecorded(ID, NATO, declared));
        assertThat(results.type()).isEqualTo("transparency.test-results-recorded");

        // range 430 vs 400 is beyond the tolerance of 20: one discrepancy
        Measurements observed = new Measurements(251.0, 430.0, 4.5, null, null);
        TransparencyEvent later = t.recordObservation(RUSSIA, " Obs A ", observed, ToleranceTable.defaults(),
                END.plusSeconds(60));
        assertThat(later).isEqualTo(new TransparencyEvent.TestObserved(ID, NATO, RUSSIA, "Obs A", observed, 1));
        assertThat(later.type()).isEqualTo("transparency.test-observed");
    }

    @Test
    void decliningAndCancellingReturnTheirEvents() {
        InterceptorTest declined = announce(30).test();
        TransparencyEvent event = declined.decline(RUSSIA, null, NOW);
        assertThat(event).isEqualTo(new TransparencyEvent.TestDeclined(ID, NATO, RUSSIA, null));
        assertThat(event.type()).isEqualTo("transparency.test-declined");

        InterceptorTest cancelled = announce(30).test();
        cancelled.accept(RUSSIA, List.of("Obs A"), NOW);
        TransparencyEvent byHost = cancelled.cancel(NATO, null, NOW.plusSeconds(60));
        assertThat(byHost).isEqualTo(new TransparencyEvent.TestCancelled(ID, NATO, RUSSIA, "cancelled by host",
                TestState.ACCEPTED));
        assertThat(byHost.type()).isEqualTo("transparency.test-cancelled");

        InterceptorTest pending = announce(30).test();
        assertThat(pending.cancelBecauseAgreementEnded(NOW.plusSeconds(60))).contains(
                new TransparencyEvent.TestCancelled(ID, NATO, RUSSIA, "agreement ended", TestState.ANNOUNCED));
        assertThat(pending.cancelBecauseAgreementEnded(NOW.plusSeconds(120))).isEmpty();

        InterceptorTest stopped = announce(30).test();
        assertThat(stopped.cancelBecauseCooperationStopped(InterceptorTest.TRANSPARENCY_STOPPED, NOW.plusSeconds(60)))
                .contains(new TransparencyEvent.TestCancelled(ID, NATO, RUSSIA, "transparency stopped",
                        TestState.ANNOUNCED));
    }
}
