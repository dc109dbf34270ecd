package org.mdcoop.transparency.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.AUDITOR;
import static org.mdcoop.common.security.Roles.LIAISON;
import static org.mdcoop.common.security.Roles.TRANSPARENCY_OFFICER;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.security.Caller;
import org.mdcoop.transparency.api.TransparencyRequests.CreateDisclosureRequest;
import org.mdcoop.transparency.api.TransparencyRequests.EditDisclosureRequest;
import org.mdcoop.transparency.api.TransparencyRequests.ReviseDisclosureRequest;
import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.service.Actor;
import org.mdcoop.transparency.service.ContentParser;
import org.mdcoop.transparency.service.DisclosureService;
import org.mdcoop.transparency.service.DisclosureService.Filter;
import org.mdcoop.transparency.service.DisclosureView;

/**
 * A party's disclosures about itself. The caller's party comes only from the token's verifying tenant. The other
 * party's drafts do not exist for the caller (404, like a missing id); its submitted versions are readable under the
 * reciprocity rule.
 */
@Path("/api/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "disclosures")
public class DisclosureResource {

    private final DisclosureService disclosures;
    private final ContentParser parser;
    private final Caller caller;

    public DisclosureResource(DisclosureService disclosures, ContentParser parser, Caller caller) {
        this.disclosures = disclosures;
        this.parser = parser;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Disclosures the caller may read: all of its own party's, and the other party's submitted "
            + "ones where reciprocity is met while TRANSPARENCY is in force",
            description = "By round (latest first), kind, party and version (latest first). Without `limit`: all of "
                    + "them. With `limit` (1-500): that many, and when more follow the headers `X-Next-Cursor` and "
                    + "`Link: <...>; rel=\"next\"` give the next page's `cursor` (the filters stay as they were).")
    @APIResponse(responseCode = "200", description = "the disclosures (one page with `limit`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DisclosureView.class)),
            headers = {
                    @Header(name = Paging.NEXT_CURSOR, description = "the cursor of the next page; absent after the last"),
                    @Header(name = "Link", description = "`<...>; rel=\"next\"`; absent after the last page") })
    public Response list(@QueryParam("kind") String kind, @QueryParam("round") String round,
            @QueryParam("party") String party, @QueryParam("status") String status,
            @BeanParam PageRequest page,
            @Context UriInfo uri) {
        Filter filter = new Filter(TransparencyRequests.kind(kind),
                round == null || round.isBlank() ? null : ReportingRound.parse("round", round.trim()),
                TransparencyRequests.party(party), TransparencyRequests.status(status));
        return page.answer(() -> disclosures.list(caller.party(), filter),
                (size, after) -> disclosures.page(caller.party(), filter, size, after), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "One disclosure version with its change notice (404 for the other party's drafts, 403 "
            + "with the reason when reciprocity is not met or TRANSPARENCY is not in force)")
    public DisclosureView get(@PathParam("id") UUID id) {
        return disclosures.get(caller.party(), id);
    }

    @POST
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Start the caller's party's disclosure of a kind for a round (version 1, DRAFT)")
    public Response create(@NotNull CreateDisclosureRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.required("kind", request.kind());
        if (errors.required("round", request.round()) && !ReportingRound.isValid(request.round())) {
            errors.add("round", "must look like 2026-H1 or 2026-H2");
        }
        if (request.kind() != null) {
            try {
                parser.parse(request.kind(), request.content());
            } catch (ValidationFailed e) {
                e.errors().forEach(f -> errors.add(f.field(), f.message()));
            }
        } else {
            errors.required("content", request.content());
        }
        errors.throwIfAny();
        DisclosureView created = disclosures.createDraft(actor(), request.kind(),
                ReportingRound.parse(request.round()), request.content());
        return Response.created(URI.create("/api/disclosures/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Replace the content of one of the caller's party's drafts")
    public DisclosureView edit(@PathParam("id") UUID id, @NotNull EditDisclosureRequest request) {
        return disclosures.editDraft(actor(), id, request.content(), request.changeOccurredOn());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Discard one of the caller's party's drafts")
    public Response discard(@PathParam("id") UUID id) {
        disclosures.discardDraft(actor(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Submit a draft; a revision supersedes the previous version with a change notice. "
            + "409 when no agreement covering TRANSPARENCY is in force")
    public DisclosureView submit(@PathParam("id") UUID id) {
        return disclosures.submit(actor(), id);
    }

    @POST
    @Path("/{id}/revisions")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Start the next version (DRAFT) of a submitted disclosure, with the date the facts changed")
    public Response revise(@PathParam("id") UUID id, @NotNull ReviseDisclosureRequest request) {
        DisclosureView created = disclosures.revise(actor(), id, request.content(), request.changeOccurredOn());
        return Response.created(URI.create("/api/disclosures/" + created.id())).entity(created).build();
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject());
    }
}
