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
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mdcoop.agreement.api.AgreementRequests.DraftRequest;
import org.mdcoop.agreement.api.AgreementRequests.ExtensionConsentRequest;
import org.mdcoop.agreement.api.AgreementRequests.ReasonRequest;
import org.mdcoop.agreement.api.AgreementRequests.ReservationRequest;
import org.mdcoop.agreement.domain.Element;
import org.mdcoop.agreement.service.AgreementService;
import org.mdcoop.agreement.service.AgreementService.Actor;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.service.AgreementView;
import org.mdcoop.common.api.PageRequest;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.security.Caller;
import org.mdcoop.common.security.Roles;

@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "agreements")
public class AgreementResource {

    private final AgreementService agreements;
    private final Caller caller;

    public AgreementResource(AgreementService agreements, Caller caller) {
        this.agreements = agreements;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ LIAISON, ANALYST, AUDITOR })
    @Operation(summary = "All submitted agreements, and the caller's own party's drafts, newest first",
            description = "Without `limit`: all of them. With `limit` (1-500): that many, and when more follow the "
                    + "headers `X-Next-Cursor` and `Link: <...>; rel=\"next\"` give the next page's `cursor`.")
    @APIResponse(responseCode = "200", description = "the agreements (one page with `limit`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AgreementView.class)),
            headers = {
                    @Header(name = Paging.NEXT_CURSOR, description = "the cursor of the next page; absent after the last"),
                    @Header(name = "Link", description = "`<...>; rel=\"next\"`; absent after the last page") })
    public Response list(@BeanParam PageRequest page, @Context UriInfo uri) {
        return page.answer(() -> agreements.list(caller.party()),
                (size, after) -> agreements.page(caller.party(), size, after), uri);
    }

    @GET
    @Path("/status")
    @RolesAllowed({ Roles.LIAISON, Roles.TRANSPARENCY_OFFICER, Roles.EXERCISE_PLANNER, Roles.FUSION_OPERATOR,
            Roles.ANALYST, Roles.AUDITOR })
    @Operation(summary = "Current status of every submitted agreement (same content as the agreement.status topic)")
    public List<AgreementStatusMessage> statuses() {
        return agreements.statuses();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ LIAISON, ANALYST, AUDITOR })
    public AgreementView get(@PathParam("id") UUID id) {
        return agreements.get(id, caller.party());
    }

    @POST
    @RolesAllowed(LIAISON)
    @Operation(summary = "Create a draft agreement proposed by the caller's party")
    public Response create(@Valid @NotNull DraftRequest request) {
        AgreementView created = agreements.createDraft(actor(), request.toTerms());
        return Response.created(URI.create("/api/agreements/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Edit the terms of the caller's own draft")
    public AgreementView editDraft(@PathParam("id") UUID id, @Valid @NotNull DraftRequest request) {
        return agreements.editDraft(actor(), id, request.toTerms());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(LIAISON)
    public AgreementView submit(@PathParam("id") UUID id) {
        return agreements.submit(actor(), id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Accept the other party's proposal: the agreement becomes provisional")
    public AgreementView accept(@PathParam("id") UUID id) {
        return agreements.accept(actor(), id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(LIAISON)
    public AgreementView reject(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        return agreements.reject(actor(), id, reason(request));
    }

    @POST
    @Path("/{id}/retract")
    @RolesAllowed(LIAISON)
    public AgreementView retract(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        return agreements.retract(actor(), id, reason(request));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Walk away: immediate from a provisional agreement, a notice from a permanent one")
    public AgreementView withdraw(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return agreements.withdraw(actor(), id, reason(request));
    }

    @POST
    @Path("/{id}/elements/{element}/stop")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Stop one element alone (e.g. JOINT_EXERCISES): it closes at once, the others continue",
            description = "Either party, at any moment the agreement is in force; a reason is required. Stopping the "
                    + "last running element is a withdrawal. Re-opening needs both parties: an ADD_ELEMENT amendment.")
    public AgreementView stopElement(@PathParam("id") UUID id, @PathParam("element") String element,
            @Valid @NotNull ReasonRequest request) {
        return agreements.stopElement(actor(), id, element(element), reason(request));
    }

    @PUT
    @Path("/{id}/extension-consent")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Consent to extend by N months; takes effect when both parties consented to the same N")
    public AgreementView consentToExtension(@PathParam("id") UUID id,
            @Valid @NotNull ExtensionConsentRequest request) {
        return agreements.consentToExtension(actor(), id, request.months());
    }

    @DELETE
    @Path("/{id}/extension-consent")
    @RolesAllowed(LIAISON)
    public AgreementView revokeExtensionConsent(@PathParam("id") UUID id) {
        return agreements.revokeExtensionConsent(actor(), id);
    }

    @PUT
    @Path("/{id}/permanence-consent")
    @RolesAllowed(LIAISON)
    public AgreementView consentToPermanence(@PathParam("id") UUID id) {
        return agreements.consentToPermanence(actor(), id);
    }

    @DELETE
    @Path("/{id}/permanence-consent")
    @RolesAllowed(LIAISON)
    public AgreementView revokePermanenceConsent(@PathParam("id") UUID id) {
        return agreements.revokePermanenceConsent(actor(), id);
    }

    @PUT
    @Path("/{id}/reservation")
    @RolesAllowed(LIAISON)
    @Operation(summary = "Record the caller's own party's reservation (free text)")
    public AgreementView recordReservation(@PathParam("id") UUID id, @Valid @NotNull ReservationRequest request) {
        return agreements.recordReservation(actor(), id, request.text());
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject());
    }

    /** {@code JOINT_EXERCISES} or {@code joint-exercises}; anything else is a 400 naming {@code element}. */
    private static Element element(String name) {
        String normalised = name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Element e : Element.values()) {
            if (e.name().equals(normalised)) {
                return e;
            }
        }
        throw ValidationFailed.of("element", "must be one of " + java.util.Arrays.toString(Element.values()));
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }
}
