package org.mdcoop.transparency.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.disclosure.DisclosureStatus;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.TestState;
import org.mdcoop.transparency.domain.reachability.AssessmentParameters;
import org.mdcoop.transparency.domain.reachability.BallisticArc;
import org.mdcoop.transparency.domain.reachability.ReferenceTrajectory;
import org.mdcoop.transparency.service.AssessmentService;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies. None carries a server-owned field (party, id, status, version, timestamps). */
public final class TransparencyRequests {

    private TransparencyRequests() {
    }

    public record CreateDisclosureRequest(
            @Schema(required = true) DisclosureKind kind,
            @Schema(required = true, example = "2026-H2") String round,
            @Schema(required = true, description = "the kind's content record, e.g. {\"components\": [...]}")
            JsonNode content) {
    }

    public record EditDisclosureRequest(
            @Schema(required = true) JsonNode content,
            @Schema(description = "revisions only: when the disclosed facts changed") LocalDate changeOccurredOn) {
    }

    public record ReviseDisclosureRequest(
            @Schema(required = true) JsonNode content,
            @Schema(required = true, description = "when the disclosed facts changed (starts the change clock)")
            LocalDate changeOccurredOn) {
    }

    public record AcceptRequest(@Schema(required = true) List<String> observers) {
    }

    public record ReasonRequest(String reason) {
    }

    public record ObservationRequest(@Schema(required = true) String observer,
            @Schema(required = true) Measurements measurements) {
    }

    /** The interceptor: site always; then burnout velocity (with optional caps) or a disclosure and a type. */
    public record InterceptorInput(LatLon site, Double burnoutVelocityKmS, Double maxRangeKm, Double maxAltitudeKm,
            UUID disclosureId, String interceptorType) {
    }

    /** Model parameters; any left out take the documented default. */
    public record ParametersInput(Double launchDelayS, Double flyoutSpeedFactor, Double minEngagementAltitudeKm,
            Double burnoutAltitudeKm, Double timeStepS, BallisticArc.Branch branch) {

        AssessmentParameters toParameters() {
            AssessmentParameters d = AssessmentParameters.DEFAULT;
            return new AssessmentParameters(or(launchDelayS, d.launchDelayS()),
                    or(flyoutSpeedFactor, d.flyoutSpeedFactor()),
                    or(minEngagementAltitudeKm, d.minEngagementAltitudeKm()),
                    or(burnoutAltitudeKm, d.burnoutAltitudeKm()), or(timeStepS, d.timeStepS()),
                    branch == null ? d.branch() : branch);
        }

        private static double or(Double v, double d) {
            return v == null ? d : v;
        }
    }

    public record AssessmentRequest(@Schema(required = true) InterceptorInput interceptor,
            @Schema(description = "your own reference trajectories") List<ReferenceTrajectory> trajectories,
            @Schema(description = "ids of built-in illustrative trajectories, e.g. ILL-1") List<String> trajectoryIds,
            ParametersInput parameters) {

        AssessmentService.Input toInput() {
            if (interceptor == null) {
                throw ValidationFailed.of("interceptor", "is required");
            }
            return new AssessmentService.Input(interceptor.site(), interceptor.burnoutVelocityKmS(),
                    interceptor.maxRangeKm(), interceptor.maxAltitudeKm(), interceptor.disclosureId(),
                    interceptor.interceptorType(), trajectories, trajectoryIds,
                    parameters == null ? null : parameters.toParameters());
        }
    }

    // ---- query parameters: parsed here so a bad value is a 400 naming the parameter

    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.of(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static Party party(String value) {
        return enumParam("party", value, Party.class);
    }

    static DisclosureKind kind(String value) {
        return enumParam("kind", value, DisclosureKind.class);
    }

    static DisclosureStatus status(String value) {
        return enumParam("status", value, DisclosureStatus.class);
    }

    static TestState testState(String value) {
        return enumParam("state", value, TestState.class);
    }
}
