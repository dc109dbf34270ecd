package org.mdcoop.exercise.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.service.SensorSpec;

/**
 * Request bodies. None carries a server-owned field (id, host, status, times, versions): the host is the caller's
 * party. Field rules of names, windows, injects and sensors are the domain's, reported with paths such as
 * {@code injects[2].launchLat} or {@code sensors[0].sigmaM}.
 */
public final class ExerciseRequests {

    private ExerciseRequests() {
    }

    public record WindowRequest(Instant start, Instant end) {
        ExerciseWindow toWindow() {
            return new ExerciseWindow(start, end);
        }
    }

    /** One scripted launch; missing numbers are reported as invalid fields by the scenario rules. */
    public record InjectRequest(Double timeOffsetS, Double launchLat, Double launchLon, Double impactLat,
            Double impactLon, MissileClass missileClass, Double burnoutSpeedKmS) {

        Inject toInject() {
            return new Inject(n(timeOffsetS), n(launchLat), n(launchLon), n(impactLat), n(impactLon), missileClass,
                    n(burnoutSpeedKmS));
        }

        private static double n(Double v) {
            return v == null ? Double.NaN : v;
        }
    }

    static List<Inject> injects(List<InjectRequest> injects) {
        return injects == null ? null
                : injects.stream().map(i -> i == null ? null : i.toInject()).toList();
    }

    /**
     * @param sensors the sensors that observe the injects; omitted = the default set of four (NATO-1, NATO-2,
     *        RUSSIA-1, RUSSIA-2), which the fusion centre must have registered
     */
    public record ProposeRequest(String name, ExerciseKind kind, WindowRequest window, List<InjectRequest> injects,
            List<SensorSpec> sensors) {
    }

    public record DetailsRequest(String name, ExerciseKind kind, WindowRequest window) {
    }

    /** @param sensors omitted = keep the current sensors */
    public record ScenarioRequest(List<InjectRequest> injects, List<SensorSpec> sensors) {
    }

    /** @param scenarioVersion the scenario version the approving planner reviewed */
    public record ApproveRequest(@NotNull @Min(1) Integer scenarioVersion) {
    }

    public record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    public record ParticipantRequest(String name, String role) {
    }

    /** @param revision the report revision the approving party reviewed */
    public record ReportApprovalRequest(@NotNull @Min(1) Integer revision) {
    }

    public record CommentRequest(String text) {
    }
}
