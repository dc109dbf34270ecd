package org.mdcoop.exercise.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.EXERCISE_PLANNER;
import static org.mdcoop.common.security.Roles.LIAISON;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.security.Caller;
import org.mdcoop.exercise.api.ExerciseRequests.CommentRequest;
import org.mdcoop.exercise.api.ExerciseRequests.ReportApprovalRequest;
import org.mdcoop.exercise.domain.aar.Comment;
import org.mdcoop.exercise.service.Actor;
import org.mdcoop.exercise.service.AfterActionService;
import org.mdcoop.exercise.service.ReportView;

/** The after-action report of a completed exercise: read by both parties, approved by both parties' planners. */
@Path("/api/exercises/{id}/report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "after-action reports")
public class AfterActionResource {

    private final AfterActionService reports;
    private final Caller caller;

    public AfterActionResource(AfterActionService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ EXERCISE_PLANNER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "The after-action report: per-launch figures, false tracks, approvals and comments")
    public ReportView get(@PathParam("id") UUID id) {
        return reports.get(id);
    }

    @POST
    @Path("/compute")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Recompute from the fused tracks received so far: next revision, approvals cleared")
    public ReportView compute(@PathParam("id") UUID id) {
        return reports.compute(actor(), id);
    }

    @POST
    @Path("/approve")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "The caller's party approves the revision it reviewed; both approvals make it FINAL")
    public ReportView approve(@PathParam("id") UUID id, @Valid @NotNull ReportApprovalRequest request) {
        return reports.approve(actor(), id, request.revision());
    }

    @POST
    @Path("/comments")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Add a comment of the caller's party (while DRAFT)")
    public Response comment(@PathParam("id") UUID id, CommentRequest request) {
        if (request == null) {
            throw ValidationFailed.of("body", "must not be null");
        }
        Comment c = reports.addComment(actor(), id, request.text());
        return Response.created(URI.create("/api/exercises/" + id + "/report/comments/" + c.id())).entity(c).build();
    }

    @DELETE
    @Path("/comments/{commentId}")
    @RolesAllowed(EXERCISE_PLANNER)
    @Operation(summary = "Remove one of the caller's party's comments (while DRAFT)")
    public Response removeComment(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId) {
        reports.removeComment(caller.party(), id, commentId);
        return Response.noContent().build();
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject(), caller.username());
    }
}
