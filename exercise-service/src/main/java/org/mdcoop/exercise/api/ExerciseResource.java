package org.mdcoop.exercise.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.EXERCISE_PLANNER;
import static org.mdcoop.common.security.Roles.LIAISON;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.common.api.PageRequest;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.security.Caller;
import org.mdcoop.exercise.api.ExerciseRequests.ApproveRequest;
import org.mdcoop.exercise.api.ExerciseRequests.CancelRequest;
import org.mdcoop.exercise.api.ExerciseRequests.DetailsRequest;
import org.mdcoop.exercise.api.ExerciseRequests.ParticipantRequest;
import org.mdcoop.exercise.api.ExerciseRequests.ProposeRequest;
import org.mdcoop.exercise.api.ExerciseRequests.ScenarioRequest;
import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.Participant;
import org.mdcoop.exercise.service.Actor;
import org.mdcoop.exercise.service.CalendarView;
import org.mdcoop.exercise.service.ExerciseService;
import org.mdcoop.exercise.service.ExerciseService.Proposal;
import org.mdcoop.exercise.service.ExerciseView;
import org.mdcoop.exercise.service.ScenarioView;

/**
 * The joint exercise programme. Both parties' planners, analysts, auditors and liaison officers read every exercise
 * (joint exercises are shared by nature); only planners act, and the domain decides which party may do what.
 */
@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "exercises")
public class ExerciseResource {


    private final ExerciseService exercises;
    private final Caller caller;

    public ExerciseResource(ExerciseService exercises, Caller caller) {
        this.exercises = exercises;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Every exercise of the programme, optionally by status and host, by window start",
            description = "Without `limit`: all of them. With `limit` (1-500): that many, and when more follow the "
                    + "headers `X-Next-Cursor` and `Link: <...>; rel=\"next\"` give the next page's `cursor` (the "
                    + "`status` and `host` filters stay as they were).")
    @APIResponse(responseCode = "200", description = "the exercises (one page with `limit`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ExerciseView.class)),
            headers = {
                    @Header(name = Paging.NEXT_CURSOR, description = "the cursor of the next page; absent after the last"),
                    @Header(name = "Link", description = "`<...>; rel=\"next\"`; absent after the last page") })
    public Response list(@QueryParam("status") ExerciseStatus status, @QueryParam("host") Party host,
            @BeanParam PageRequest page,
            @Context UriInfo uri) {
        return page.answer(() -> exercises.list(caller.party(), status, host),
                (size, after) -> exercises.page(caller.party(), status, host, size, after), uri);
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "The annual programme (UTC year) with the host rotation")
    public CalendarView calendar(@QueryParam("year") @NotNull @Min(2000) @Max(2200) Integer year) {
        return exercises.calendar(year);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    public ExerciseView get(@PathParam("id") UUID id) {
        return exercises.get(id, caller.party());
    }

    @POST
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Propose an exercise hosted by the caller's party (scenario version 1)")
    public Response propose(ProposeRequest request) {
        if (request == null) {
            throw ValidationFailed.of("body", "must not be null");
        }
        ExerciseView created = exercises.propose(actor(), new Proposal(request.name(), request.kind(),
                window(request.window()), ExerciseRequests.injects(request.injects()), request.sensors()));
        return Response.created(URI.create("/api/exercises/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The host changes name, kind or window; a changed approved exercise needs approval again")
    public ExerciseView updateDetails(@PathParam("id") UUID id, DetailsRequest request) {
        if (request == null) {
            throw ValidationFailed.of("body", "must not be null");
        }
        return exercises.updateDetails(actor(), id, request.name(), request.kind(), window(request.window()));
    }

    @GET
    @Path("/{id}/scenario")
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    public ScenarioView scenario(@PathParam("id") UUID id) {
        return exercises.scenario(id);
    }

    @PUT
    @Path("/{id}/scenario")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The host replaces the injects (and optionally the sensors): next scenario version; "
            + "an approval is withdrawn")
    public ScenarioView changeScenario(@PathParam("id") UUID id, ScenarioRequest request) {
        if (request == null) {
            throw ValidationFailed.of("body", "must not be null");
        }
        exercises.changeScenario(actor(), id, ExerciseRequests.injects(request.injects()), request.sensors());
        return exercises.scenario(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The other party approves the scenario version it reviewed")
    public ExerciseView approve(@PathParam("id") UUID id, @Valid @NotNull ApproveRequest request) {
        return exercises.approve(actor(), id, request.scenarioVersion());
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The host starts the approved exercise: its injects become sensor reports")
    public ExerciseView start(@PathParam("id") UUID id) {
        return exercises.start(actor(), id);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The host completes the running exercise; the after-action report is drafted")
    public ExerciseView complete(@PathParam("id") UUID id) {
        return exercises.complete(actor(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Either party cancels the exercise before it starts")
    public ExerciseView cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return exercises.cancel(actor(), id, request.reason());
    }

    @GET
    @Path("/{id}/participants")
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Both parties' rosters")
    public List<Participant> participants(@PathParam("id") UUID id) {
        return exercises.participants(id);
    }

    @POST
    @Path("/{id}/participants")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Add a participant to the caller's own party's roster")
    public Response addParticipant(@PathParam("id") UUID id, ParticipantRequest request) {
        if (request == null) {
            throw ValidationFailed.of("body", "must not be null");
        }
        Participant p = exercises.addParticipant(actor(), id, request.name(), request.role());
        return Response.created(URI.create("/api/exercises/" + id + "/participants/" + p.id())).entity(p).build();
    }

    @DELETE
    @Path("/{id}/participants/{participantId}")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Remove a participant from the caller's own party's roster")
    public Response removeParticipant(@PathParam("id") UUID id, @PathParam("participantId") UUID participantId) {
        exercises.removeParticipant(actor(), id, participantId);
        return Response.noContent().build();
    }

    private static ExerciseWindow window(ExerciseRequests.WindowRequest window) {
        return window == null ? null : window.toWindow();
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject(), caller.username());
    }
}
