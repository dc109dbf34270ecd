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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.mdcoop.transparency.api.TransparencyRequests.AcceptRequest;
import org.mdcoop.transparency.api.TransparencyRequests.ObservationRequest;
import org.mdcoop.transparency.api.TransparencyRequests.ReasonRequest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.TestAnnouncement;
import org.mdcoop.transparency.domain.observation.TestState;
import org.mdcoop.transparency.service.Actor;
import org.mdcoop.transparency.service.InterceptorTestService;
import org.mdcoop.transparency.service.InterceptorTestService.ComparisonView;
import org.mdcoop.transparency.service.TestView;

/**
 * Interceptor tests: the host announces and records results, the guest accepts (names observers) or declines and
 * its observers record their own measurements. A test is a joint record: host and guest both read it.
 */
@Path("/api/tests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "interceptor tests")
public class InterceptorTestResource {

    private final InterceptorTestService tests;
    private final Caller caller;

    public InterceptorTestResource(InterceptorTestService tests, Caller caller) {
        this.tests = tests;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Interceptor tests announced by either party, optionally by state, latest window first",
            description = "Without `limit`: all of them. With `limit` (1-500): that many, and when more follow the "
                    + "headers `X-Next-Cursor` and `Link: <...>; rel=\"next\"` give the next page's `cursor` (the "
                    + "`state` filter stays as it was).")
    @APIResponse(responseCode = "200", description = "the tests (one page with `limit`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = TestView.class)),
            headers = {
                    @Header(name = Paging.NEXT_CURSOR, description = "the cursor of the next page; absent after the last"),
                    @Header(name = "Link", description = "`<...>; rel=\"next\"`; absent after the last page") })
    public Response list(@QueryParam("state") String state,
            @BeanParam PageRequest page,
            @Context UriInfo uri) {
        TestState wanted = TransparencyRequests.testState(state);
        return page.answer(() -> tests.list(caller.party(), wanted),
                (size, after) -> tests.page(caller.party(), wanted, size, after), uri);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "One interceptor test with its invitation, results and observations")
    public TestView get(@PathParam("id") UUID id) {
        return tests.get(caller.party(), id);
    }

    @GET
    @Path("/{id}/comparison")
    @RolesAllowed({ TRANSPARENCY_OFFICER, ANALYST, AUDITOR, LIAISON })
    @Operation(summary = "Declared vs observed values per observer, with the tolerances applied and the discrepancies")
    public ComparisonView comparison(@PathParam("id") UUID id) {
        return tests.comparison(id);
    }

    @POST
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "Announce a test hosted by the caller's party and invite the other party (flagged late "
            + "under the minimum notice); 409 when no agreement covering TRANSPARENCY is in force")
    public Response announce(@NotNull TestAnnouncement announcement) {
        TestView created = tests.announce(actor(), announcement);
        return Response.created(URI.create("/api/tests/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "The invited party accepts and names its observers")
    public TestView accept(@PathParam("id") UUID id, @NotNull AcceptRequest request) {
        return tests.accept(actor(), id, request.observers());
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "The invited party declines (reason optional)")
    public TestView decline(@PathParam("id") UUID id, ReasonRequest request) {
        return tests.decline(actor(), id, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "The host calls the test off before its window starts")
    public TestView cancel(@PathParam("id") UUID id, ReasonRequest request) {
        return tests.cancel(actor(), id, request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/results")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "The host records the declared results after the window has ended")
    public TestView recordResults(@PathParam("id") UUID id, @NotNull Measurements results) {
        return tests.recordResults(actor(), id, results);
    }

    @POST
    @Path("/{id}/observations")
    @RolesAllowed(TRANSPARENCY_OFFICER)
    @Operation(summary = "One of the guest's named observers records its own measurements")
    public TestView recordObservation(@PathParam("id") UUID id, @NotNull ObservationRequest request) {
        if (request.observer() == null || request.observer().isBlank()) {
            throw ValidationFailed.of("observer", "must not be blank");
        }
        return tests.recordObservation(actor(), id, request.observer(), request.measurements());
    }

    private Actor actor() {
        return new Actor(caller.party(), caller.qualifiedSubject());
    }
}
