package org.mdcoop.console.relay;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Multi;

/** fusion-service's live picture: each server-sent event's data (one FusedTrackMessage as JSON). */
@RegisterRestClient(configKey = "fusion")
@Path("/api/picture")
public interface FusionStreamClient {

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> stream(@HeaderParam("Authorization") String authorization, @QueryParam("exercise") Boolean exercise);
}
