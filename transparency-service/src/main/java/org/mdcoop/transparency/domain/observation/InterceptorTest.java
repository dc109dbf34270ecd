package org.mdcoop.transparency.domain.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.TransparencyEvent;

/**
 * An announced interceptor test and its observation by the other party. See {@link TestState} for the state
 * machine. The host announces and records results; the guest (the other party) accepts with named observers or
 * declines, and its observers record their own measurements. The invitation is flagged {@code late} when it is
 * issued less than {@code minNoticeDays} × 24 h before the window starts (allowed, but flagged). Every command returns
 * the {@link TransparencyEvent} it caused.
 */
public final class InterceptorTest {

    public static final int DEFAULT_MIN_NOTICE_DAYS = 30;
    public static final int MAX_OBSERVER_NAME = 120;
    public static final int MAX_OBSERVERS = 50;
    /** Cancellation reasons when the cooperation stopping, not the host, cancels an invitation. */
    public static final String AGREEMENT_ENDED = "agreement ended";
    public static final String TRANSPARENCY_STOPPED = "transparency stopped";

    private final UUID id;
    private final Party host;
    private final TestAnnouncement announcement;
    private final Instant announcedAt;
    private final int minNoticeDays;
    private final boolean late;
    private TestState state;
    private List<String> observers;
    private String declineReason;
    private Instant respondedAt;
    private Measurements declaredResults;
    private Instant resultsRecordedAt;
    private final List<Observation> observations;
    private String cancelReason;
    private Instant cancelledAt;

    private InterceptorTest(UUID id, Party host, TestAnnouncement announcement, Instant announcedAt,
            int minNoticeDays, boolean late, TestState state, List<String> observers, String declineReason,
            Instant respondedAt, Measurements declaredResults, Instant resultsRecordedAt,
            List<Observation> observations, String cancelReason, Instant cancelledAt) {
        this.id = Objects.requireNonNull(id);
        this.host = Objects.requireNonNull(host);
        this.announcement = Objects.requireNonNull(announcement);
        this.announcedAt = Objects.requireNonNull(announcedAt);
        this.minNoticeDays = minNoticeDays;
        this.late = late;
        this.state = Objects.requireNonNull(state);
        this.observers = observers == null ? List.of() : List.copyOf(observers);
        this.declineReason = declineReason;
        this.respondedAt = respondedAt;
        this.declaredResults = declaredResults;
        this.resultsRecordedAt = resultsRecordedAt;
        this.observations = new ArrayList<>(observations == null ? List.of() : observations);
        this.cancelReason = cancelReason;
        this.cancelledAt = cancelledAt;
    }

    /** A new test and the event that invites the guest. */
    public record Announced(InterceptorTest test, TransparencyEvent.TestAnnounced event) {
    }

    /**
     * The host announces a test and thereby invites the other party.
     *
     * @throws RuleViolation   {@code transparency-not-in-force} if no agreement with TRANSPARENCY is in force
     * @throws ValidationFailed listing every invalid field of the announcement
     */
    public static Announced announce(UUID id, Party host, TestAnnouncement announcement, Instant now,
            int minNoticeDays, boolean transparencyInForce) {
        if (!transparencyInForce) {
            throw new RuleViolation("transparency-not-in-force",
                    "No agreement covering TRANSPARENCY is in force; tests cannot be announced");
        }
        if (minNoticeDays < 0) {
            throw new IllegalArgumentException("minNoticeDays must be >= 0");
        }
        if (announcement == null) {
            throw ValidationFailed.of("announcement", "is required");
        }
        FieldErrors errors = new FieldErrors();
        announcement.validate(now, errors);
        errors.throwIfAny();
        boolean late = now.plus(Duration.ofDays(minNoticeDays)).isAfter(announcement.windowStart());
        InterceptorTest test = new InterceptorTest(id, host, announcement, now, minNoticeDays, late,
                TestState.ANNOUNCED, List.of(), null, null, null, null, List.of(), null, null);
        return new Announced(test, new TransparencyEvent.TestAnnounced(id, host, test.guest(),
                announcement.windowStart(), announcement.windowEnd(), announcement.site(),
                announcement.interceptorType(), announcement.launchArea(), announcement.impactArea(), late,
                minNoticeDays));
    }

    /** Rebuilds from storage; no rules checked. */
    public static InterceptorTest restore(UUID id, Party host, TestAnnouncement announcement, Instant announcedAt,
            int minNoticeDays, boolean late, TestState state, List<String> observers, String declineReason,
            Instant respondedAt, Measurements declaredResults, Instant resultsRecordedAt,
            List<Observation> observations, String cancelReason, Instant cancelledAt) {
        return new InterceptorTest(id, host, announcement, announcedAt, minNoticeDays, late, state, observers,
                declineReason, respondedAt, declaredResults, resultsRecordedAt, observations, cancelReason,
                cancelledAt);
    }

    /** The guest accepts and names its observers (non-empty, unique, non-blank, ≤ 120 characters each). */
    public TransparencyEvent.TestAccepted accept(Party caller, List<String> observerNames, Instant now) {
        requireGuest(caller, "accept");
        requireState("accept", TestState.ANNOUNCED);
        requireBeforeWindow("accept", now);
        FieldErrors errors = new FieldErrors();
        if (errors.required("observers", observerNames)) {
            if (observerNames.isEmpty()) {
                errors.add("observers", "must name at least one observer");
            } else if (observerNames.size() > MAX_OBSERVERS) {
                errors.add("observers", "must name at most " + MAX_OBSERVERS + " observers");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < observerNames.size(); i++) {
                String p = "observers[" + i + "]";
                String name = observerNames.get(i);
                if (errors.text(p, name, MAX_OBSERVER_NAME) && !seen.add(name.trim())) {
                    errors.add(p, "duplicates another observer");
                }
            }
        }
        errors.throwIfAny();
        this.observers = observerNames.stream().map(String::trim).toList();
        this.state = TestState.ACCEPTED;
        this.respondedAt = now;
        return new TransparencyEvent.TestAccepted(id, host, guest(), observers);
    }

    /** The guest declines (reason optional, ≤ 500 characters). */
    public TransparencyEvent.TestDeclined decline(Party caller, String reason, Instant now) {
        requireGuest(caller, "decline");
        requireState("decline", TestState.ANNOUNCED);
        requireBeforeWindow("decline", now);
        if (reason != null && reason.length() > 500) {
            throw ValidationFailed.of("reason", "must be at most 500 characters");
        }
        this.declineReason = reason;
        this.state = TestState.DECLINED;
        this.respondedAt = now;
        return new TransparencyEvent.TestDeclined(id, host, guest(), reason);
    }

    /** The host records the declared results, once the window has ended. */
    public TransparencyEvent.TestResultsRecorded recordResults(Party caller, Measurements declared, Instant now) {
        requireHost(caller, "record results");
        requireState("recordResults", TestState.ANNOUNCED, TestState.ACCEPTED, TestState.DECLINED);
        if (now.isBefore(announcement.windowEnd())) {
            throw new RuleViolation("test-window-not-over", "Results can be recorded only after the test window ends ("
                    + announcement.windowEnd() + ")");
        }
        validateMeasurements(declared, "results");
        this.declaredResults = declared;
        this.resultsRecordedAt = now;
        this.state = TestState.RESULTS_RECORDED;
        return new TransparencyEvent.TestResultsRecorded(id, host, declared);
    }

    /**
     * One of the guest's named observers records its own measurements (once per observer), after the window has
     * started, in ACCEPTED or RESULTS_RECORDED (only if the guest accepted). The event counts the discrepancies
     * against the declared results under {@code tolerances} (0 while none are declared).
     */
    public TransparencyEvent.TestObserved recordObservation(Party caller, String observer, Measurements measured,
            ToleranceTable tolerances, Instant now) {
        requireGuest(caller, "record observations");
        requireState("recordObservation", TestState.ACCEPTED, TestState.RESULTS_RECORDED);
        if (observers.isEmpty()) {
            throw new RuleViolation("not-accepted", "The invitation was not accepted; there are no observers");
        }
        if (now.isBefore(announcement.windowStart())) {
            throw new RuleViolation("test-window-not-started", "Observations can be recorded once the window starts");
        }
        String name = observer == null ? null : observer.trim();
        if (name == null || !observers.contains(name)) {
            throw ValidationFailed.of("observer", "must be one of the named observers " + observers);
        }
        if (observations.stream().anyMatch(o -> o.observer().equals(name))) {
            throw new RuleViolation("observation-already-recorded", "Observer " + name + " has already recorded");
        }
        validateMeasurements(measured, "measurements");
        observations.add(new Observation(name, measured, now));
        int discrepancies = declaredResults == null ? 0
                : Comparison.of(name, declaredResults, measured, tolerances).discrepancies().size();
        return new TransparencyEvent.TestObserved(id, host, guest(), name, measured, discrepancies);
    }

    /** The host calls the test off before its window starts (reason optional, ≤ 500 characters, as for a decline). */
    public TransparencyEvent.TestCancelled cancel(Party caller, String reason, Instant now) {
        requireHost(caller, "cancel");
        requireState("cancel", TestState.ANNOUNCED, TestState.ACCEPTED);
        if (!now.isBefore(announcement.windowStart())) {
            throw new RuleViolation("test-window-started", "A test cannot be cancelled once its window has started");
        }
        if (reason != null && reason.length() > 500) {
            throw ValidationFailed.of("reason", "must be at most 500 characters");
        }
        return markCancelled(reason == null ? "cancelled by host" : reason, now);
    }

    /**
     * The agreement ended: a pending invitation (ANNOUNCED, or ACCEPTED whose window has not ended) is cancelled.
     *
     * @return the cancellation, or nothing if this test was not pending
     */
    public Optional<TransparencyEvent.TestCancelled> cancelBecauseAgreementEnded(Instant now) {
        return cancelBecauseCooperationStopped(AGREEMENT_ENDED, now);
    }

    /**
     * The exchanges stopped while the agreement stays in force (a party stopped TRANSPARENCY alone, or an adopted
     * amendment removed it, issue 16): as {@link #cancelBecauseAgreementEnded}, with {@code reason} saying which.
     */
    public Optional<TransparencyEvent.TestCancelled> cancelBecauseCooperationStopped(String reason, Instant now) {
        boolean pending = state == TestState.ANNOUNCED
                || (state == TestState.ACCEPTED && now.isBefore(announcement.windowEnd()));
        if (!pending) {
            return Optional.empty();
        }
        return Optional.of(markCancelled(reason, now));
    }

    /**
     * Declared vs observed per observer, with the given tolerances. Empty until results and at least one observation
     * exist.
     */
    public List<Comparison> compare(ToleranceTable tolerances) {
        if (declaredResults == null) {
            return List.of();
        }
        return observations.stream()
                .map(o -> Comparison.of(o.observer(), declaredResults, o.measurements(), tolerances))
                .toList();
    }

    public List<String> allowedActions() {
        return switch (state) {
            case ANNOUNCED -> List.of("accept", "decline", "recordResults", "cancel");
            case ACCEPTED -> List.of("recordResults", "recordObservation", "cancel");
            case DECLINED -> List.of("recordResults");
            case RESULTS_RECORDED -> observers.isEmpty() ? List.of() : List.of("recordObservation");
            case CANCELLED -> List.of();
        };
    }

    private TransparencyEvent.TestCancelled markCancelled(String reason, Instant now) {
        TestState previous = state;
        this.state = TestState.CANCELLED;
        this.cancelReason = reason;
        this.cancelledAt = now;
        return new TransparencyEvent.TestCancelled(id, host, guest(), reason, previous);
    }

    private void validateMeasurements(Measurements m, String path) {
        if (m == null) {
            throw ValidationFailed.of(path, "is required");
        }
        FieldErrors errors = new FieldErrors();
        m.validate(path, errors);
        errors.throwIfAny();
    }

    private void requireState(String action, TestState... allowed) {
        for (TestState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalTransition(state.name(), action, allowedActions());
    }

    private void requireHost(Party caller, String what) {
        if (caller != host) {
            throw new NotPermitted("Only the host party (" + host + ") may " + what + " for this test");
        }
    }

    private void requireGuest(Party caller, String what) {
        if (caller != guest()) {
            throw new NotPermitted("Only the invited party (" + guest() + ") may " + what + " for this test");
        }
    }

    private void requireBeforeWindow(String what, Instant now) {
        if (!now.isBefore(announcement.windowStart())) {
            throw new RuleViolation("invitation-expired",
                    "Cannot " + what + ": the test window has already started (" + announcement.windowStart() + ")");
        }
    }

    public UUID id() {
        return id;
    }

    public Party host() {
        return host;
    }

    public Party guest() {
        return host.other();
    }

    public TestAnnouncement announcement() {
        return announcement;
    }

    public Instant announcedAt() {
        return announcedAt;
    }

    public int minNoticeDays() {
        return minNoticeDays;
    }

    /** True when the invitation came less than {@code minNoticeDays} before the window start. */
    public boolean late() {
        return late;
    }

    public TestState state() {
        return state;
    }

    public List<String> observers() {
        return observers;
    }

    public String declineReason() {
        return declineReason;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public Measurements declaredResults() {
        return declaredResults;
    }

    public Instant resultsRecordedAt() {
        return resultsRecordedAt;
    }

    public List<Observation> observations() {
        return List.copyOf(observations);
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }
}
