package org.mdcoop.exercise.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.NotPermitted;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.Scenario;
import org.mdcoop.exercise.domain.scenario.ScenarioValidator;

/**
 * A joint exercise: the aggregate root of the exercise programme. See {@link ExerciseStatus} for the state machine.
 *
 * <p>Every command takes the acting party (decided by the caller's identity provider, never by the request body) and
 * the current time (from the injected {@code Clock}). Checks run in this order: field validation
 * ({@link ValidationFailed}), who may issue the action at all ({@link NotPermitted}: host-only actions by the guest, an
 * approval by the host), then the state machine ({@link IllegalTransition} listing the actions this party may issue
 * now), then time/business rules ({@link RuleViolation}).
 *
 * <p>Rules: only the non-host party approves, and only the current scenario version; a change of the scenario or of
 * the details (name, kind, window) in APPROVED withdraws the approval (back to PROPOSED, the scenario version goes up);
 * neither is allowed once RUNNING. The host may start an APPROVED exercise from {@link #START_TOLERANCE} before the
 * window start until the window end. Either party may cancel before start. {@link #halt} (agreement ended) stops
 * PROPOSED, APPROVED and RUNNING exercises and is a no-op on terminal ones. Each party edits only its own roster,
 * in any non-terminal state. The overlap rule across exercises is {@link ExerciseOverlap} (checked by the service).
 *
 * <p>Every command returns the {@link ExerciseEvent} it caused, carrying the exercise as it is after the change.
 */
public final class Exercise {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ROLE_LENGTH = 100;
    public static final int MAX_PARTICIPANTS_PER_PARTY = 200;
    /** An approved exercise may be started this long before its window opens. */
    public static final Duration START_TOLERANCE = Duration.ofMinutes(15);

    private final UUID id;
    private final Party host;
    private final Instant proposedAt;
    private String name;
    private ExerciseKind kind;
    private ExerciseWindow window;
    private Scenario scenario;
    private final List<Participant> participants;
    private ExerciseStatus status;
    private Party approvedBy;
    private Instant approvedAt;
    private Integer approvedScenarioVersion;
    private Instant startedAt;
    private Instant completedAt;
    private Instant cancelledAt;
    private Party cancelledBy;
    private String cancelReason;
    private Instant haltedAt;
    private String haltReason;
    private Instant updatedAt;

    private Exercise(Snapshot s) {
        this.id = s.id();
        this.host = s.host();
        this.proposedAt = s.proposedAt();
        this.name = s.name();
        this.kind = s.kind();
        this.window = s.window();
        this.scenario = s.scenario();
        this.participants = new ArrayList<>(s.participants());
        this.status = s.status();
        this.approvedBy = s.approvedBy();
        this.approvedAt = s.approvedAt();
        this.approvedScenarioVersion = s.approvedScenarioVersion();
        this.startedAt = s.startedAt();
        this.completedAt = s.completedAt();
        this.cancelledAt = s.cancelledAt();
        this.cancelledBy = s.cancelledBy();
        this.cancelReason = s.cancelReason();
        this.haltedAt = s.haltedAt();
        this.haltReason = s.haltReason();
        this.updatedAt = s.updatedAt();
    }

    /** A new exercise and the event that announces it. */
    public record Proposed(Exercise exercise, ExerciseEvent.Proposed event) {
    }

    /**
     * The host party's planner proposes an exercise (status PROPOSED, scenario version 1).
     *
     * @param injects validated with paths {@code injects[i].field}; every time offset must fit in the window. All
     *        field errors (details and injects) come in one {@link ValidationFailed}.
     */
    public static Proposed propose(UUID id, Party host, String name, ExerciseKind kind, ExerciseWindow window,
            List<Inject> injects, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        List<FieldError> errors = new ArrayList<>();
        validateDetails(name, kind, window, errors);
        errors.addAll(ScenarioValidator.validate(injects, "injects"));
        if (errors.isEmpty()) {
            offsetErrors(injects, window, errors);
        }
        requireValid(errors);
        Scenario scenario = new Scenario(1, injects);
        Exercise exercise = new Exercise(new Snapshot(id, host, now, name.strip(), kind, window, scenario, List.of(),
                ExerciseStatus.PROPOSED, null, null, null, null, null, null, null, null, null, null, now));
        return new Proposed(exercise, new ExerciseEvent.Proposed(exercise.state()));
    }

    /** Rebuilds an exercise from stored state (no checks). */
    public static Exercise restore(Snapshot snapshot) {
        return new Exercise(snapshot);
    }

    /** All state, for persistence (map to columns or a JSONB document) and for {@link #restore}. */
    public record Snapshot(UUID id, Party host, Instant proposedAt, String name, ExerciseKind kind,
            ExerciseWindow window, Scenario scenario, List<Participant> participants, ExerciseStatus status,
            Party approvedBy, Instant approvedAt, Integer approvedScenarioVersion, Instant startedAt,
            Instant completedAt, Instant cancelledAt, Party cancelledBy, String cancelReason, Instant haltedAt,
            String haltReason, Instant updatedAt) {

        public Snapshot {
            participants = List.copyOf(participants);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, host, proposedAt, name, kind, window, scenario, participants, status, approvedBy,
                approvedAt, approvedScenarioVersion, startedAt, completedAt, cancelledAt, cancelledBy, cancelReason,
                haltedAt, haltReason, updatedAt);
    }

    // ------------------------------------------------------------------ state machine

    /** Actions {@code party} may issue in the current state (empty in terminal states). */
    public List<ExerciseAction> allowedActions(Party party) {
        return allowedActions(status, party == host);
    }

    /** The transition table: what the host / the other party may do in each state. */
    public static List<ExerciseAction> allowedActions(ExerciseStatus status, boolean host) {
        return switch (status) {
            case PROPOSED -> host
                    ? List.of(ExerciseAction.CANCEL, ExerciseAction.CHANGE_SCENARIO, ExerciseAction.UPDATE_DETAILS,
                            ExerciseAction.MANAGE_PARTICIPANTS)
                    : List.of(ExerciseAction.APPROVE, ExerciseAction.CANCEL, ExerciseAction.MANAGE_PARTICIPANTS);
            case APPROVED -> host
                    ? List.of(ExerciseAction.START, ExerciseAction.CANCEL, ExerciseAction.CHANGE_SCENARIO,
                            ExerciseAction.UPDATE_DETAILS, ExerciseAction.MANAGE_PARTICIPANTS)
                    : List.of(ExerciseAction.CANCEL, ExerciseAction.MANAGE_PARTICIPANTS);
            case RUNNING -> host
                    ? List.of(ExerciseAction.COMPLETE, ExerciseAction.MANAGE_PARTICIPANTS)
                    : List.of(ExerciseAction.MANAGE_PARTICIPANTS);
            case COMPLETED, CANCELLED, HALTED -> List.of();
        };
    }

    private void guard(Party by, ExerciseAction action) {
        Objects.requireNonNull(by, "party");
        if (action.hostOnly() && by != host) {
            throw new NotPermitted("only the host party (" + host + ") may " + action.slug() + " this exercise");
        }
        if (action.guestOnly() && by == host) {
            throw new NotPermitted("a party never approves its own exercise; " + host.other() + " must approve it");
        }
        List<ExerciseAction> allowed = allowedActions(by);
        if (!allowed.contains(action)) {
            throw new IllegalTransition(status.name(), action.slug(),
                    allowed.stream().map(ExerciseAction::slug).toList());
        }
    }

    /**
     * The other party approves the scenario version it has reviewed.
     *
     * @throws RuleViolation {@code scenario-version-mismatch} if the scenario changed since it was reviewed
     */
    public ExerciseEvent.Approved approve(Party by, int scenarioVersion, Instant now) {
        guard(by, ExerciseAction.APPROVE);
        if (scenarioVersion != scenario.version()) {
            throw new RuleViolation("scenario-version-mismatch", "the scenario is at version " + scenario.version()
                    + ", not " + scenarioVersion + "; review the current version before approving");
        }
        status = ExerciseStatus.APPROVED;
        approvedBy = by;
        approvedAt = now;
        approvedScenarioVersion = scenario.version();
        updatedAt = now;
        return new ExerciseEvent.Approved(state());
    }

    /**
     * The host starts the approved exercise; the synthetic launches are timed from {@code now}
     * ({@link #startedAt()}). The event has no run yet: the caller lays the run out and adds it
     * ({@link ExerciseEvent.Started#withRun}).
     */
    public ExerciseEvent.Started start(Party by, Instant now) {
        guard(by, ExerciseAction.START);
        if (now.isBefore(window.start().minus(START_TOLERANCE))) {
            throw new RuleViolation("exercise-window-not-open", "the exercise window opens at " + window.start()
                    + "; it can be started from " + window.start().minus(START_TOLERANCE));
        }
        if (!now.isBefore(window.end())) {
            throw new RuleViolation("exercise-window-passed", "the exercise window ended at " + window.end());
        }
        if (scenario.isEmpty()) {
            throw new RuleViolation("scenario-empty", "the scenario has no injects");
        }
        status = ExerciseStatus.RUNNING;
        startedAt = now;
        updatedAt = now;
        return new ExerciseEvent.Started(state(), null);
    }

    public ExerciseEvent.Completed complete(Party by, Instant now) {
        guard(by, ExerciseAction.COMPLETE);
        status = ExerciseStatus.COMPLETED;
        completedAt = now;
        updatedAt = now;
        return new ExerciseEvent.Completed(state());
    }

    public ExerciseEvent.Cancelled cancel(Party by, String reason, Instant now) {
        guard(by, ExerciseAction.CANCEL);
        status = ExerciseStatus.CANCELLED;
        cancelledBy = by;
        cancelledAt = now;
        cancelReason = reason;
        updatedAt = now;
        return new ExerciseEvent.Cancelled(state());
    }

    /**
     * The agreement ended (withdrawal or expiry): PROPOSED, APPROVED and RUNNING exercises halt at once.
     *
     * @return nothing (and no change) if the exercise was already terminal, so redelivered events are harmless
     */
    public Optional<ExerciseEvent.Halted> halt(String reason, Instant now) {
        if (status.isTerminal()) {
            return Optional.empty();
        }
        status = ExerciseStatus.HALTED;
        haltedAt = now;
        haltReason = reason;
        updatedAt = now;
        return Optional.of(new ExerciseEvent.Halted(state(), reason));
    }

    /** The host replaces the injects: next scenario version; an approval is withdrawn (back to PROPOSED). */
    public ExerciseEvent.ScenarioChanged changeScenario(Party by, List<Inject> injects, Instant now) {
        guard(by, ExerciseAction.CHANGE_SCENARIO);
        List<FieldError> errors = ScenarioValidator.validate(injects, "injects");
        if (errors.isEmpty()) {
            offsetErrors(injects, window, errors);
        }
        requireValid(errors);
        scenario = new Scenario(scenario.version() + 1, injects);
        withdrawApproval();
        updatedAt = now;
        return new ExerciseEvent.ScenarioChanged(state());
    }

    /**
     * The host changes name, kind and window; a changed exercise needs approval again. The caller checks
     * {@link ExerciseOverlap} for the new window first.
     */
    public ExerciseEvent.DetailsUpdated updateDetails(Party by, String newName, ExerciseKind newKind,
            ExerciseWindow newWindow, Instant now) {
        guard(by, ExerciseAction.UPDATE_DETAILS);
        List<FieldError> errors = new ArrayList<>();
        validateDetails(newName, newKind, newWindow, errors);
        if (errors.isEmpty()) {
            offsetErrors(scenario.injects(), newWindow, errors);
        }
        requireValid(errors);
        boolean changed = !newName.strip().equals(name) || newKind != kind || !newWindow.equals(window);
        name = newName.strip();
        kind = newKind;
        window = newWindow;
        if (changed) {
            withdrawApproval();
        }
        updatedAt = now;
        return new ExerciseEvent.DetailsUpdated(state());
    }

    private void withdrawApproval() {
        status = ExerciseStatus.PROPOSED;
        approvedBy = null;
        approvedAt = null;
        approvedScenarioVersion = null;
    }

    // ------------------------------------------------------------------ rosters

    /** Adds a participant to the caller's own roster. */
    public ExerciseEvent.RosterChanged addParticipant(Party by, UUID participantId, String participantName,
            String role, Instant now) {
        guard(by, ExerciseAction.MANAGE_PARTICIPANTS);
        List<FieldError> errors = new ArrayList<>();
        if (participantName == null || participantName.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (participantName.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (role == null || role.isBlank()) {
            errors.add(new FieldError("role", "must not be blank"));
        } else if (role.strip().length() > MAX_ROLE_LENGTH) {
            errors.add(new FieldError("role", "at most " + MAX_ROLE_LENGTH + " characters"));
        }
        requireValid(errors);
        if (roster(by).size() >= MAX_PARTICIPANTS_PER_PARTY) {
            throw new RuleViolation("roster-full", "at most " + MAX_PARTICIPANTS_PER_PARTY + " participants per party");
        }
        participants.add(new Participant(participantId, by, participantName.strip(), role.strip()));
        updatedAt = now;
        return new ExerciseEvent.RosterChanged(state());
    }

    /**
     * Removes a participant from the caller's own roster. A participant of the other party is reported as not found,
     * like a missing one, so nothing leaks about the other roster's ids.
     */
    public ExerciseEvent.RosterChanged removeParticipant(Party by, UUID participantId, Instant now) {
        guard(by, ExerciseAction.MANAGE_PARTICIPANTS);
        boolean removed = participants.removeIf(p -> p.id().equals(participantId) && p.party() == by);
        if (!removed) {
            throw new NotFound("no participant " + participantId + " on the " + by + " roster");
        }
        updatedAt = now;
        return new ExerciseEvent.RosterChanged(state());
    }

    public List<Participant> roster(Party party) {
        return participants.stream().filter(p -> p.party() == party).toList();
    }

    /** The exercise as its events carry it. */
    private ExerciseEvent.ExerciseState state() {
        return ExerciseEvent.ExerciseState.of(this);
    }

    // ------------------------------------------------------------------ validation helpers

    private static void validateDetails(String name, ExerciseKind kind, ExerciseWindow window,
            List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FieldError("name", "at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "must be one of COMPUTER_ASSISTED, COMMAND_POST, LIVE_OBSERVATION"));
        }
        if (window == null) {
            errors.add(new FieldError("window", "must not be null"));
        } else if (window.start() == null || window.end() == null) {
            if (window.start() == null) {
                errors.add(new FieldError("window.start", "must not be null"));
            }
            if (window.end() == null) {
                errors.add(new FieldError("window.end", "must not be null"));
            }
        } else if (!window.start().isBefore(window.end())) {
            errors.add(new FieldError("window.end", "must be after window.start"));
        }
    }

    private static void offsetErrors(List<Inject> injects, ExerciseWindow window, List<FieldError> errors) {
        if (window == null || window.start() == null || window.end() == null) {
            return;
        }
        double windowS = window.length().toMillis() / 1000.0;
        for (int i = 0; i < injects.size(); i++) {
            if (injects.get(i).timeOffsetS() >= windowS) {
                errors.add(new FieldError("injects[" + i + "].timeOffsetS",
                        "must be less than the exercise window length (" + (long) windowS + " s)"));
            }
        }
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    // ------------------------------------------------------------------ accessors

    public UUID id() {
        return id;
    }

    public Party host() {
        return host;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String name() {
        return name;
    }

    public ExerciseKind kind() {
        return kind;
    }

    public ExerciseWindow window() {
        return window;
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }

    public ExerciseStatus status() {
        return status;
    }

    public Party approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Integer approvedScenarioVersion() {
        return approvedScenarioVersion;
    }

    /** When the host started it: time zero of the scenario (inject i launches at startedAt + timeOffsetS). */
    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Party cancelledBy() {
        return cancelledBy;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant haltedAt() {
        return haltedAt;
    }

    public String haltReason() {
        return haltReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
