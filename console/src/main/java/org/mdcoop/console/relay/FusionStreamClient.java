package org.mdcoop.console.relay;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.jboss.resteasy.reactive.client.SseEvent;

import io.smallrye.mutiny.Multi;

/**
 * fusion-service's live picture: its server-sent events with their names (unnamed: a FusedTrackMessage as JSON;
 * {@code fusion.track-ended}: a TrackEndedMessage).
 */
@RegisterRestClient(configKey = "fusion")
@Path("/api/picture")
public interface FusionStreamClient {

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@HeaderParam("Authorization") String authorization, @QueryParam("exercise") Boolean exercise);
}
