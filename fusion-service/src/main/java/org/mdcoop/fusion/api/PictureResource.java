package org.mdcoop.fusion.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.FUSION_OPERATOR;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.fusion.service.CentreGate;
import org.mdcoop.fusion.service.Picture;
import org.mdcoop.fusion.service.TrackStore;

import io.smallrye.mutiny.Multi;

/** The common picture: shared with both parties' analysts and fusion operators. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "picture")
public class PictureResource {

    public record PictureView(boolean centreOpen, UUID agreementId, int count, List<FusedTrackMessage> tracks) {
    }

    public record TrackHistory(String trackId, List<FusedTrackMessage> updates) {
    }

    private final Picture picture;
    private final CentreGate gate;
    private final TrackStore tracks;

    public PictureResource(Picture picture, CentreGate gate, TrackStore tracks) {
        this.picture = picture;
        this.gate = gate;
        this.tracks = tracks;
    }

    @GET
    @Path("/picture")
    @RolesAllowed({ ANALYST, FUSION_OPERATOR })
    @Operation(summary = "Current confirmed tracks (empty while the centre is closed)",
            description = "exercise=false: live tracks only; exercise=true: exercise tracks only; exerciseId: one exercise")
    public PictureView picture(@QueryParam("exercise") Boolean exercise, @QueryParam("exerciseId") UUID exerciseId) {
        List<FusedTrackMessage> current = picture.tracks(exercise, exerciseId);
        return new PictureView(gate.isOpen(), gate.agreementId(), current.size(), current);
    }

    @GET
    @Path("/picture/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ ANALYST, FUSION_OPERATOR })
    @Operation(summary = "Live track updates as server-sent events (same filters as the picture)",
            description = "Each update is an unnamed event (EventSource's `message`) whose data is a FusedTrackMessage. "
                    + "A track that leaves the picture ends with an event named `" + TrackEndedMessage.TYPE
                    + "` whose data is a TrackEndedMessage (trackId, stream, t, reason DELETED or CLOSED, "
                    + "lastUpdateNumber, exercise, exerciseId).")
    public Multi<OutboundSseEvent> stream(@QueryParam("exercise") Boolean exercise,
            @QueryParam("exerciseId") UUID exerciseId, @Context Sse sse) {
        Multi<OutboundSseEvent> updates = picture.stream(exercise, exerciseId).map(m -> sse.newEventBuilder()
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(FusedTrackMessage.class, m).build());
        Multi<OutboundSseEvent> ends = picture.ended(exercise, exerciseId).map(m -> sse.newEventBuilder()
                .name(TrackEndedMessage.TYPE).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(TrackEndedMessage.class, m).build());
        return Multi.createBy().merging().streams(updates, ends);
    }

    @GET
    @Path("/tracks/{id}")
    @RolesAllowed({ ANALYST, FUSION_OPERATOR })
    @Operation(summary = "A track's history (thinned to the persist interval), oldest first")
    public TrackHistory history(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return new TrackHistory(id, tracks.history(id, limit));
    }
}
