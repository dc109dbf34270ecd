package org.mdcoop.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.mdcoop.console.relay.ServiceRelay;
import org.mdcoop.console.relay.ServiceRelay.Call;
import org.mdcoop.console.security.Caller;

import io.quarkus.security.Authenticated;

/**
 * {@code /api/<party>/<service>/<path>} → {@code <service>/api/<path>} with the user's access token, for the
 * operations {@link org.mdcoop.console.relay.RelayRoutes} allows. The service decides what the caller's party and
 * role may do; the console only adds the token and refuses state-changing calls without the CSRF token.
 */
@Path("/api/{tenant}/{service: agreement|transparency|exercise|fusion}/{path: .+}")
@Authenticated
@Consumes("*/*")
public class RelayResource {

    private final Caller caller;
    private final ServiceRelay relay;

    public RelayResource(Caller caller, ServiceRelay relay) {
        this.caller = caller;
        this.relay = relay;
    }

    @GET
    public Response get(@PathParam("tenant") String tenant, @PathParam("service") String service,
            @Encoded @PathParam("path") String path, @Context UriInfo uri) {
        return send(tenant, new Call(service, "GET", path, uri.getRequestUri().getRawQuery(), null, null));
    }

    @POST
    public Response post(@PathParam("tenant") String tenant, @PathParam("service") String service,
            @Encoded @PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return send(tenant, new Call(service, "POST", path, uri.getRequestUri().getRawQuery(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body));
    }

    @PUT
    public Response put(@PathParam("tenant") String tenant, @PathParam("service") String service,
            @Encoded @PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return send(tenant, new Call(service, "PUT", path, uri.getRequestUri().getRawQuery(),
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body));
    }

    @DELETE
    public Response delete(@PathParam("tenant") String tenant, @PathParam("service") String service,
            @Encoded @PathParam("path") String path, @Context UriInfo uri) {
        return send(tenant, new Call(service, "DELETE", path, uri.getRequestUri().getRawQuery(), null, null));
    }

    private Response send(String tenant, Call call) {
        caller.requireTenant(tenant);
        return relay.relay(call, caller.accessToken());
    }
}
