package org.mdcoop.transparency.domain.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.transparency.domain.LatLon;

class InterceptorTestFlowTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(40));
    private static final Instant END = START.plus(Duration.ofHours(6));

    private static TestAnnouncement announcement(Instant start, Instant end) {
        return new TestAnnouncement(start, end, LatLon.of(54.48, 17.10), "Type B",
                Area.circle(54.5, 17.0, 20), Area.polygon(LatLon.of(56, 18), LatLon.of(57, 19), LatLon.of(56, 20)));
    }

    private static final ToleranceTable TOLERANCES = ToleranceTable.defaults();

    private static InterceptorTest announced() {
        return InterceptorTest.announce(UUID.randomUUID(), NATO, announcement(START, END), NOW,
                InterceptorTest.DEFAULT_MIN_NOTICE_DAYS, true).test();
    }

    private static Measurements declared() {
        return new Measurements(250.0, 400.0, 4.5, 300.0, 0.5);
    }

    @Test
    void hostAnnouncesWithEnoughNoticeAndTheInvitationIsNotLate() {
        InterceptorTest t = announced();
        assertThat(t.state()).isEqualTo(TestState.ANNOUNCED);
        assertThat(t.host()).isEqualTo(NATO);
        assertThat(t.guest()).isEqualTo(RUSSIA);
        assertThat(t.late()).isFalse();
    }

    @Test
    void invitationLessThanThirtyDaysAheadIsAllowedButFlaggedLate() {
        Instant start = NOW.plus(Duration.ofDays(30)).minusSeconds(1);
        InterceptorTest t = InterceptorTest.announce(UUID.randomUUID(), RUSSIA,
                announcement(start, start.plus(Duration.ofHours(1))), NOW, 30, true).test();
        assertThat(t.late()).isTrue();
        InterceptorTest exactly = InterceptorTest.announce(UUID.randomUUID(), RUSSIA,
                announcement(NOW.plus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(31))), NOW, 30, true).test();
        assertThat(exactly.late()).isFalse();
    }

    @Test
    void announcementIsRefusedWhileTransparencyIsNotInForce() {
        assertThatThrownBy(() -> InterceptorTest.announce(UUID.randomUUID(), NATO, announcement(START, END), NOW, 30,
                false)).isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("transparency-not-in-force"));
    }

    @Test
    void announcementValidatesEveryFieldWithPaths() {
        TestAnnouncement bad = new TestAnnouncement(NOW.minusSeconds(1), NOW.minusSeconds(2), LatLon.of(95.0, 0.0),
                " ", new Area(Area.Shape.CIRCLE, LatLon.of(0.0, 200.0), 0.0, null),
                Area.polygon(LatLon.of(1, 1), LatLon.of(-91, 1)));
        assertThatThrownBy(() -> InterceptorTest.announce(UUID.randomUUID(), NATO, bad, NOW, 30, true))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("windowStart", "windowEnd", "site.lat",
                                "interceptorType", "launchArea.centre.lon", "launchArea.radiusKm",
                                "impactArea.vertices", "impactArea.vertices[1].lat"));
    }

    @Test
    void areasMustBeConsistentShapes() {
        var errors = new org.mdcoop.transparency.domain.FieldErrors();
        new Area(Area.Shape.POLYGON, LatLon.of(1, 1), 5.0, List.of(LatLon.of(0, 0), LatLon.of(0, 1),
                LatLon.of(1, 0))).validate("a", errors);
        new Area(null, null, null, null).validate("b", errors);
        new Area(Area.Shape.CIRCLE, null, null, List.of()).validate("c", errors);
        assertThat(errors.list()).extracting(FieldError::field).containsExactly("a.shape", "b.shape", "c.centre",
                "c.radiusKm", "c.vertices");
    }

    @Test
    void windowLongerThanAMonthIsRefused() {
        assertThatThrownBy(() -> InterceptorTest.announce(UUID.randomUUID(), NATO,
                announcement(START, START.plus(Duration.ofDays(32))), NOW, 30, true))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("windowEnd");
    }

    @Test
    void guestAcceptsWithNamedObservers() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of(" Observer One", "Observer Two"), NOW.plusSeconds(60));
        assertThat(t.state()).isEqualTo(TestState.ACCEPTED);
        assertThat(t.observers()).containsExactly("Observer One", "Observer Two");
        assertThat(t.respondedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void acceptingNeedsAtLeastOneProperlyNamedObserver() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.accept(RUSSIA, List.of(), NOW)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> t.accept(RUSSIA, List.of("A", " ", "A"), NOW))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("observers[1]", "observers[2]"));
        assertThat(t.state()).isEqualTo(TestState.ANNOUNCED);
    }

    @Test
    void onlyTheGuestAcceptsOrDeclines() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.accept(NATO, List.of("x"), NOW)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> t.decline(NATO, null, NOW)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void onlyTheHostRecordsResultsAndCancels() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.recordResults(RUSSIA, declared(), END)).isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> t.cancel(RUSSIA, "no", NOW)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void guestDeclinesAndCannotThenAccept() {
        InterceptorTest t = announced();
        t.decline(RUSSIA, "not this time", NOW);
        assertThat(t.state()).isEqualTo(TestState.DECLINED);
        assertThat(t.declineReason()).isEqualTo("not this time");
        assertThatThrownBy(() -> t.accept(RUSSIA, List.of("x"), NOW)).isInstanceOfSatisfying(IllegalTransition.class,
                e -> {
                    assertThat(e.currentState()).isEqualTo("DECLINED");
                    assertThat(e.allowedActions()).containsExactly("recordResults");
                });
    }

    @Test
    void invitationCannotBeAnsweredOnceTheWindowHasStarted() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.accept(RUSSIA, List.of("x"), START)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo("invitation-expired"));
    }

    @Test
    void resultsOnlyAfterTheWindowEnds() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of("Observer One"), NOW);
        assertThatThrownBy(() -> t.recordResults(NATO, declared(), END.minusSeconds(1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("test-window-not-over"));
        t.recordResults(NATO, declared(), END);
        assertThat(t.state()).isEqualTo(TestState.RESULTS_RECORDED);
        assertThat(t.declaredResults()).isEqualTo(declared());
        assertThatThrownBy(() -> t.recordResults(NATO, declared(), END)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void hostMayRecordResultsOfADeclinedTestButNobodyObservesIt() {
        InterceptorTest t = announced();
        t.decline(RUSSIA, null, NOW);
        t.recordResults(NATO, declared(), END.plusSeconds(1));
        assertThat(t.state()).isEqualTo(TestState.RESULTS_RECORDED);
        assertThatThrownBy(() -> t.recordObservation(RUSSIA, "anyone", declared(), TOLERANCES,
                END.plusSeconds(2)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("not-accepted"));
    }

    @Test
    void resultsAndObservationsMustContainPlausibleValues() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of("Observer One"), NOW);
        assertThatThrownBy(() -> t.recordResults(NATO, new Measurements(null, null, null, null, null), END))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("results"));
        assertThatThrownBy(() -> t.recordResults(NATO, new Measurements(-1.0, null, 13.0, 0.0, -2.0), END))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("results.interceptAltitudeKm",
                                "results.burnoutVelocityKmS", "results.flightTimeS", "results.missDistanceM"));
    }

    @Test
    void observersRecordTheirOwnMeasurementsAndTheyAreComparedWithTheDeclaredResults() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of("Observer One", "Observer Two"), NOW);
        t.recordObservation(RUSSIA, "Observer One", new Measurements(251.0, 430.0, 4.5, null, null), TOLERANCES,
                END);
        t.recordResults(NATO, declared(), END.plusSeconds(3600));
        t.recordObservation(RUSSIA, "Observer Two", new Measurements(249.0, 401.0, 4.4, 301.0, 0.0), TOLERANCES,
                END.plusSeconds(7200));

        List<Comparison> comparisons = t.compare(ToleranceTable.defaults());
        assertThat(comparisons).hasSize(2);
        Comparison one = comparisons.get(0);
        assertThat(one.observer()).isEqualTo("Observer One");
        // range 430 vs 400: allowed max(5, 5% of 400 = 20) = 20 → discrepancy of 30
        assertThat(one.discrepancies()).singleElement().satisfies(r -> {
            assertThat(r.quantity()).isEqualTo(Quantity.INTERCEPT_RANGE_KM);
            assertThat(r.difference()).isEqualTo(30.0);
            assertThat(r.allowed()).isEqualTo(20.0);
        });
        assertThat(one.rows()).extracting(Comparison.Row::quantity, Comparison.Row::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Quantity.INTERCEPT_ALTITUDE_KM, Comparison.Outcome.CONSISTENT),
                org.assertj.core.groups.Tuple.tuple(Quantity.INTERCEPT_RANGE_KM, Comparison.Outcome.DISCREPANCY),
                org.assertj.core.groups.Tuple.tuple(Quantity.BURNOUT_VELOCITY_KM_S, Comparison.Outcome.CONSISTENT),
                org.assertj.core.groups.Tuple.tuple(Quantity.FLIGHT_TIME_S, Comparison.Outcome.NOT_COMPARABLE),
                org.assertj.core.groups.Tuple.tuple(Quantity.MISS_DISTANCE_M, Comparison.Outcome.NOT_COMPARABLE));
        assertThat(comparisons.get(1).discrepancies()).isEmpty();
    }

    @Test
    void onlyNamedObserversOfTheGuestRecordOncePerObserverAfterTheWindowStarts() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of("Observer One"), NOW);
        Measurements m = new Measurements(250.0, null, null, null, null);
        assertThatThrownBy(() -> t.recordObservation(NATO, "Observer One", m, TOLERANCES, END))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> t.recordObservation(RUSSIA, "Stranger", m, TOLERANCES, END))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("observer"));
        assertThatThrownBy(() -> t.recordObservation(RUSSIA, "Observer One", m, TOLERANCES,
                START.minusSeconds(1)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("test-window-not-started"));
        t.recordObservation(RUSSIA, "Observer One", m, TOLERANCES, START);
        assertThatThrownBy(() -> t.recordObservation(RUSSIA, "Observer One", m, TOLERANCES, END))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.rule()).isEqualTo("observation-already-recorded"));
        assertThat(t.observations()).hasSize(1);
        assertThat(t.compare(ToleranceTable.defaults())).isEmpty(); // no declared results yet
    }

    @Test
    void observationsCannotBeRecordedBeforeAcceptance() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.recordObservation(RUSSIA, "x", declared(), TOLERANCES, END))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void cancellationReasonIsLimitedLikeADeclineReason() {
        InterceptorTest t = announced();
        assertThatThrownBy(() -> t.cancel(NATO, "x".repeat(501), NOW)).isInstanceOf(ValidationFailed.class);
        assertThat(t.state()).isEqualTo(TestState.ANNOUNCED);
        t.cancel(NATO, "x".repeat(500), NOW);
        assertThat(t.state()).isEqualTo(TestState.CANCELLED);
    }

    @Test
    void hostCancelsBeforeTheWindowOnly() {
        InterceptorTest t = announced();
        t.accept(RUSSIA, List.of("Observer One"), NOW);
        assertThatThrownBy(() -> t.cancel(NATO, "weather", START)).isInstanceOf(RuleViolation.class);
        t.cancel(NATO, "weather", START.minusSeconds(1));
        assertThat(t.state()).isEqualTo(TestState.CANCELLED);
        assertThat(t.cancelReason()).isEqualTo("weather");
        assertThat(t.allowedActions()).isEmpty();
    }

    @Test
    void endOfTheAgreementCancelsPendingInvitationsOnly() {
        InterceptorTest pending = announced();
        assertThat(pending.cancelBecauseAgreementEnded(NOW.plusSeconds(10))).isPresent();
        assertThat(pending.state()).isEqualTo(TestState.CANCELLED);
        assertThat(pending.cancelReason()).isEqualTo("agreement ended");
        assertThat(pending.cancelledAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(pending.cancelBecauseAgreementEnded(NOW.plusSeconds(20))).isEmpty();

        InterceptorTest acceptedUpcoming = announced();
        acceptedUpcoming.accept(RUSSIA, List.of("o"), NOW);
        assertThat(acceptedUpcoming.cancelBecauseAgreementEnded(START)).isPresent();

        InterceptorTest acceptedOver = announced();
        acceptedOver.accept(RUSSIA, List.of("o"), NOW);
        assertThat(acceptedOver.cancelBecauseAgreementEnded(END)).isEmpty();
        assertThat(acceptedOver.state()).isEqualTo(TestState.ACCEPTED);

        InterceptorTest declined = announced();
        declined.decline(RUSSIA, null, NOW);
        assertThat(declined.cancelBecauseAgreementEnded(NOW)).isEmpty();

        InterceptorTest done = announced();
        done.accept(RUSSIA, List.of("o"), NOW);
        done.recordResults(NATO, declared(), END);
        assertThat(done.cancelBecauseAgreementEnded(END)).isEmpty();
        assertThat(done.state()).isEqualTo(TestState.RESULTS_RECORDED);
    }
}
