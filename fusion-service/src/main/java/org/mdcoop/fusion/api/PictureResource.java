package org.mdcoop.fusion.api;

import static org.mdcoop.common.security.Roles.ANALYST;
import static org.mdcoop.common.security.Roles.FUSION_OPERATOR;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.time.WallClock;
import org.mdcoop.fusion.service.CentreGate;
import org.mdcoop.fusion.service.Picture;
import org.mdcoop.fusion.service.TrackStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

    /** Track history: updates without {@code limit}, and the most a {@code limit} may ask for. */
    static final int DEFAULT_HISTORY = 1000;
    static final int MAX_HISTORY = 10_000;

    /** How often an open stream checks its token's expiry and the centre. */
    static final Duration STREAM_CHECK = Duration.ofSeconds(1);
    /** Marks a check among the track updates of a stream; never sent. */
    private static final Object CHECK = new Object();
    /** Open streams per caller (issuer + subject): a console tab or two each, not an unbounded number. */
    static final int MAX_STREAMS_PER_CALLER = 8;
    /** Open streams of this instance, all callers together. */
    static final int MAX_STREAMS = 256;

    private final Picture picture;
    private final CentreGate gate;
    private final TrackStore tracks;
    private final JsonWebToken token;
    private final Clock wall;
    private final ConcurrentHashMap<String, AtomicInteger> streamsByCaller = new ConcurrentHashMap<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final Counter streamsRefused;
    private final Counter updatesShed;

    public PictureResource(Picture picture, CentreGate gate, TrackStore tracks, JsonWebToken token,
            @WallClock Clock wall, MeterRegistry registry) {
        this.wall = wall;
        this.picture = picture;
        this.gate = gate;
        this.tracks = tracks;
        this.token = token;
        Gauge.builder("fusion.picture.streams", streams, AtomicInteger::get)
                .description("open SSE picture streams").register(registry);
        this.streamsRefused = Counter.builder("fusion.picture.streams-refused")
                .description("picture streams refused (429) because the caller or the instance had the most open")
                .register(registry);
        this.updatesShed = Counter.builder("fusion.picture.updates-shed")
                .description("track updates not sent to a picture stream whose client did not keep up")
                .register(registry);
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
        // the token was verified once, when the stream opened: the stream must not outlive it (issue 19). Expiry is
        // wall-clock time, as the identity provider and the token check read it, not the adjustable service clock.
        long expiresAtMillis = token.getExpirationTime() * 1000L;
        String caller = token.getIssuer() + " " + token.getSubject();
        admit(caller);
        AtomicBoolean wasOpen = new AtomicBoolean(gate.isOpen());
        // shed here, counted, rather than in the picture's own uncounted drop: this operator always requests
        Multi<Object> updates = picture.stream(exercise, exerciseId)
                .onOverflow().invoke(dropped -> updatesShed.increment()).drop()
                .map(m -> (Object) sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(FusedTrackMessage.class, m).build());
        Multi<Object> ends = picture.ended(exercise, exerciseId).map(m -> (Object) sse.newEventBuilder()
                .name(TrackEndedMessage.TYPE).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(TrackEndedMessage.class, m).build());
        Multi<Object> checks = Multi.createFrom().ticks().every(STREAM_CHECK).map(tick -> CHECK)
                .onOverflow().drop();
        return Multi.createBy().merging().streams(updates, ends, checks)
                .select().first(item -> item != CHECK || stillValid(expiresAtMillis, wasOpen))
                .select().where(item -> item != CHECK)
                .map(OutboundSseEvent.class::cast)
                .onTermination().invoke(() -> release(caller));
    }

    /** Counts the caller's new stream in, or refuses it with 429 naming the limit. */
    private void admit(String caller) {
        AtomicInteger mine = streamsByCaller.compute(caller, (c, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            count.incrementAndGet();
            return count;
        });
        if (mine.get() > MAX_STREAMS_PER_CALLER) {
            releaseCaller(caller);
            streamsRefused.increment();
            throw new WebApplicationException("At most " + MAX_STREAMS_PER_CALLER
                    + " picture streams per caller are open at once (maxStreamsPerCaller); close one first", 429);
        }
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            releaseCaller(caller);
            streamsRefused.increment();
            throw new WebApplicationException("At most " + MAX_STREAMS
                    + " picture streams are open on this instance (maxStreams); retry later", 429);
        }
    }

    private void release(String caller) {
        streams.decrementAndGet();
        releaseCaller(caller);
    }

    private void releaseCaller(String caller) {
        streamsByCaller.computeIfPresent(caller, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /**
     * False once the caller's token has expired (the client reconnects with a fresh one), or once the centre has
     * closed after being open during the stream: cooperation ended, so nothing more will come.
     */
    private boolean stillValid(long expiresAtMillis, AtomicBoolean wasOpen) {
        if (wall.millis() >= expiresAtMillis) {
            return false;
        }
        boolean open = gate.isOpen();
        if (open) {
            wasOpen.set(true);
            return true;
        }
        return !wasOpen.get();
    }

    @GET
    @Path("/tracks/{id}")
    @RolesAllowed({ ANALYST, FUSION_OPERATOR })
    @Operation(summary = "A track's history (thinned to the persist interval), oldest first",
            description = "The newest `limit` updates (without `limit`: " + DEFAULT_HISTORY + "). With `limit` "
                    + "(1-" + MAX_HISTORY + "), when older updates exist the headers `X-Next-Cursor` and "
                    + "`Link: <...>; rel=\"next\"` give the `cursor` of the page before: the next `limit` updates "
                    + "back in time, again oldest first. The track and its `trackId` are in every page.")
    @APIResponse(responseCode = "200", description = "the track's history (one page of `updates` with `limit`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrackHistory.class)),
            headers = {
                    @Header(name = Paging.NEXT_CURSOR, description = "the cursor of the older page; absent at the first update"),
                    @Header(name = "Link", description = "`<...>; rel=\"next\"`; absent at the first update") })
    public Response history(@PathParam("id") String id,
            @Parameter(description = "how many of the newest updates, 1-" + MAX_HISTORY + "; without it "
                    + DEFAULT_HISTORY + " and no paging headers",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_HISTORY))
            @QueryParam("limit") String limit,
            @Parameter(description = "the older page's cursor, as `X-Next-Cursor` gave it; needs `limit`")
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        // limit keeps the range it had before the history paged (the console asks for 1,000), hence not Paging's 500
        Integer pageSize = Paging.limit(limit, cursor, MAX_HISTORY);
        if (pageSize == null) {
            return Response.ok(new TrackHistory(id, tracks.history(id, DEFAULT_HISTORY))).build();
        }
        Page<FusedTrackMessage> page = tracks.historyPage(id, pageSize, cursor);
        // the history is inside the track's answer, not the body itself: the headers page it all the same
        return Paging.ok(new TrackHistory(id, page.items()), page.next(), uri);
    }
}
