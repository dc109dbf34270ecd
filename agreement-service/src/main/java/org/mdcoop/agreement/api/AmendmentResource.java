package org.mdcoop.agreement.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.LIAISON;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.agreement.api.AgreementRequests.AmendmentRequest;
import org.mdcoop.agreement.api.AgreementRequests.ReasonRequest;
import org.mdcoop.agreement.service.AgreementService.Actor;
import org.mdcoop.agreement.service.AmendmentService;
import org.mdcoop.agreement.service.AmendmentService.AmendmentView;
import org.mdcoop.common.security.Caller;

/** The cooperation centre: proposals to deepen cooperation, adopted only when both parties endorse. */
@Path("/api/agreements/{agreementId}/amendments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cooperation centre")
public class AmendmentResource {

    private final AmendmentService amendments;
    private final Caller caller;

    public AmendmentResource(AmendmentService amendments, Caller caller) {
        this.amendments = amendments;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ LIAISON, ANALYST, AUDITOR })
    public List<AmendmentView> list(@PathParam("agreementId") UUID agreementId) {
        return amendments.list(agreementId, caller.party());
    }

    @GET
    @Path("/{amendmentId}")
    @RolesAllowed({ LIAISON, ANALYST, AUDITOR })
    public AmendmentView get(@PathParam("agreementId") UUID agreementId,
            @PathParam("amendmentId") UUID amendmentId) {
        return amendments.get(agreementId, amendmentId, caller.party());
    }

    @POST
    @RolesAllowed(LIAISON)
    @Operation(summary = "Propose an amendment (counts as the proposer's endorsement)",
            description = "`type` TEXT (default) changes nothing; ADD_ELEMENT / REMOVE_ELEMENT (with `element`) and "
                    + "CHANGE_NOTICE_PERIOD (with `noticeMonths`) change the agreement when the other party endorses.")
    public Response propose(@PathParam("agreementId") UUID agreementId, @Valid @NotNull AmendmentRequest request) {
        AmendmentView created = amendments.propose(actor(), agreementId, request.title(), request.text(),
                request.toChange());
        return Response.created(URI.create("/api/agreements/" + agreementId + "/amendments/" + created.id()))
                .entity(created).build();
    }

    @POST
    @Path("/{amendmentId}/endorse")
    @RolesAllowed(LIAISON)
    public AmendmentView endorse(@PathParam("agreementId") UUID agreementId,
            @PathParam("amendmentId") UUID amendmentId) {
        return amendments.endorse(actor(), agreementId, amendmentId);
    }

    @POST
    @Path("/{amendmentId}/reject")
    @RolesAllowed(LIAISON)
    public AmendmentView reject(@PathParam("agreementId") UUID agreementId,
            @PathParam("amendmentId") UUID amendmentId, @Valid ReasonRequest request) {
        return amendments.reject(actor(), agreementId, amendmentId, request == null ? null : request.reason());
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject());
    }
}
