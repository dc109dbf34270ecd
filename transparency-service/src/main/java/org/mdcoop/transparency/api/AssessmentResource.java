package org.mdcoop.transparency.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.LIAISON;
import static org.mdcoop.common.security.Roles.TRANSPARENCY_OFFICER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.common.security.Caller;
import org.mdcoop.transparency.api.TransparencyRequests.AssessmentRequest;
import org.mdcoop.transparency.service.AssessmentService;
import org.mdcoop.transparency.service.AssessmentService.ReferenceSet;
import org.mdcoop.transparency.service.AssessmentService.Result;

/** The reachability question: could these interceptors threaten the other party's strategic missiles? */
@Path("/api/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reachability assessments")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final Caller caller;

    public AssessmentResource(AssessmentService assessments, Caller caller) {
        this.assessments = assessments;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Assess an interceptor (site + burnout velocity, or a readable INTERCEPTOR_PERFORMANCE "
            + "disclosure + interceptor type) against reference trajectories: reachable or not, earliest intercept, "
            + "margin in seconds, assumptions")
    public Result assess(@NotNull AssessmentRequest request) {
        return assessments.assess(caller.party(), request.toInput());
    }

    @GET
    @Path("/reference-trajectories")
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "The built-in reference trajectories (illustrative, invented areas; not real data)")
    public ReferenceSet referenceTrajectories() {
        return assessments.referenceTrajectories();
    }
}
