package org.mdcoop.console.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.mdcoop.console.relay.FusionStreamClient;
import org.mdcoop.console.security.Caller;

import io.smallrye.mutiny.Multi;

/**
 * The picture's live updates for the browser: a browser's EventSource cannot send a bearer token, so the console
 * opens fusion-service's stream with the user's token and passes each event's name and data on unchanged (a track's
 * updates unnamed, its end as {@code fusion.track-ended}). When the browser
 * goes away the subscription is cancelled and the upstream stream closed.
 */
@Path("/api/{tenant}/fusion/picture/stream")
public class PictureStreamResource {

    private final Caller caller;
    private final FusionStreamClient fusion;

    public PictureStreamResource(Caller caller, @RestClient FusionStreamClient fusion) {
        this.caller = caller;
        this.fusion = fusion;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    // the same roles as fusion-service's stream: refused here rather than by an upstream error mid-stream
    @RolesAllowed({ "analyst", "fusion-operator" })
    public Multi<OutboundSseEvent> stream(@PathParam("tenant") String tenant, @QueryParam("exercise") Boolean exercise,
            @Context Sse sse) {
        caller.requireTenant(tenant);
        return fusion.stream("Bearer " + caller.accessToken(), exercise).map(e -> {
            OutboundSseEvent.Builder event = sse.newEventBuilder().mediaType(MediaType.TEXT_PLAIN_TYPE).data(e.data());
            return (e.name() == null || e.name().isEmpty() ? event : event.name(e.name())).build();
        });
    }
}
