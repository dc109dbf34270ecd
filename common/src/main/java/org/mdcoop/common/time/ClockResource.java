package org.mdcoop.common.time;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.security.Caller;
import org.mdcoop.common.security.Roles;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.security.Authenticated;

/** Reads the service's clock; in dev and test a liaison may move it forward (never in prod). */
@Path("/api/clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    public record ClockView(Instant now, long offsetSeconds, boolean controlEnabled) {
    }

    public record AdvanceRequest(
            @NotNull @Min(1) @Max(20L * 366 * 24 * 3600) Long seconds) {
    }

    private final AdjustableClock clock;
    private final ClockOffsetStore offsets;
    private final boolean controlEnabled;

    private final Caller caller;

    public ClockResource(AdjustableClock clock, ClockOffsetStore offsets, ClockConfig config, Caller caller) {
        this.clock = clock;
        this.offsets = offsets;
        this.caller = caller;
        this.controlEnabled = config.controlEnabled() && !ConfigUtils.getProfiles().contains("prod");
    }

    @GET
    @Authenticated
    @Operation(summary = "The service's current time and how far it has been moved")
    public ClockView now() {
        return view();
    }

    @POST
    @Path("/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LIAISON)
    @Operation(summary = "Move the service's clock forward (dev and test only)")
    public ClockView advance(@Valid @NotNull AdvanceRequest request) {
        if (!controlEnabled) {
            throw new NotFound("clock control is not enabled on this deployment");
        }
        Instant before = clock.instant();
        clock.advance(Duration.ofSeconds(request.seconds()));
        offsets.save();
        // every move is on record with who made it (issue 19): it changes the agreement's calendar for both parties
        Log.warnf("clock moved by %d s, from %s to %s (offset now %d s), by %s %s (%s)", request.seconds(), before,
                clock.instant(), clock.offset().toSeconds(), caller.party(), caller.username(),
                caller.qualifiedSubject());
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.offset().toSeconds(), controlEnabled);
    }
}
