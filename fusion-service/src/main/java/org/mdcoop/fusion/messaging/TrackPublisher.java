package org.mdcoop.fusion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.messaging.ReliableProducer;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.fusion.service.CentreGate;
import org.mdcoop.fusion.service.FusionConfig;
import org.mdcoop.fusion.service.TrackPayload;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends fused track updates and ends to {@code fusion.tracks} (direct producer, {@code acks=all}, idempotent; not
 * through the outbox: tracks are derived data at a high rate and the reports they come from are on their own topic).
 * The fusion worker only hands messages over: a sender thread of its own serialises each once and sends it, so a slow
 * or stalled broker never blocks fusion. Under overload, updates of one track coalesce to the latest (an end
 * supersedes every update before it), so memory is bounded by the number of live tracks, never by the backlog.
 * Event ids are deterministic (stream, track id, update number; or the end), so a consumer can drop repeats.
 * Nothing is sent while the centre is closed.
 */
@ApplicationScoped
public class TrackPublisher {

    /** The envelope as it goes on the wire, around the payload's JSON as written once ({@link TrackPayload}). */
    record TrackEvent(UUID eventId, String type, int version, Instant occurredAt, String producer, Party party,
            String actor, UUID agreementId, String subjectId, @JsonRawValue String payload) {
    }

    private static final ObjectWriter WRITER = EventSerde.mapper().writerFor(TrackEvent.class);
    /** Names the instance that sent a track record, so its own track feed need not read it back. */
    public static final String SENDER_HEADER = "mdcoop-sender";

    /** What was sent and acknowledged, with the agreement it was fused under (for this instance's own picture). */
    public interface SentListener {
        void sent(Object message, UUID agreementId);
    }

    private final CentreGate gate;
    private final Clock clock;
    private final String topic;
    private final Counter sent;
    private final Counter failed;
    private final Counter coalesced;
    private final ReliableProducer producer;
    /** Waiting messages by track id, in arrival order; guarded by itself. */
    private final LinkedHashMap<String, Outgoing> waiting = new LinkedHashMap<>();
    private final String instance = UUID.randomUUID().toString();
    private final byte[] instanceBytes = instance.getBytes(StandardCharsets.UTF_8);
    private volatile SentListener listener = (message, agreementId) -> {
    };
    private volatile boolean running;
    private Thread sender;

    public TrackPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CentreGate gate,
            Clock clock, FusionConfig config, MeterRegistry registry) {
        this.producer = new ReliableProducer(kafkaConfig, "fusion-tracks",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        config.tracksCompression().name));
        this.gate = gate;
        this.clock = clock;
        this.topic = config.tracksTopic();
        this.sent = registry.counter("fusion.tracks.published");
        this.failed = registry.counter("fusion.tracks.publish-failed");
        this.coalesced = Counter.builder("fusion.tracks.coalesced")
                .description("track updates superseded by a newer one of the same track before they could be sent")
                .register(registry);
        registry.gauge("fusion.tracks.publish-backlog", waiting, m -> {
            synchronized (m) {
                return m.size();
            }
        });
    }

    /**
     * A message waiting to be sent (a {@link TrackPayload} or a {@link TrackEndedMessage}), with the owner epoch it was
     * produced in and the traceparent of the scan that produced it (null when none of its reports was traced).
     */
    private record Outgoing(Object message, long epoch, String traceparent) {
    }

    /**
     * Hands an update over for sending; returns false while the centre is closed (nothing is sent then).
     *
     * @param epoch the owner epoch of the stream (header {@link FusedTrackMessage#EPOCH_HEADER})
     */
    public boolean publish(FusedTrackMessage message, long epoch) {
        return publish(new TrackPayload(message), epoch, null);
    }

    /**
     * {@link #publish(FusedTrackMessage, long)} of an update whose JSON the track store may share, sent with a
     * {@code traceparent} header when {@code traceparent} is not null.
     */
    public boolean publish(TrackPayload update, long epoch, String traceparent) {
        return offer(update.message().trackId(), new Outgoing(update, epoch, traceparent));
    }

    /** Hands a track's end over; it replaces any update of the track still waiting. */
    public boolean publishEnded(TrackEndedMessage message, long epoch, String traceparent) {
        return offer(message.trackId(), new Outgoing(message, epoch, traceparent));
    }

    private boolean offer(String trackId, Outgoing message) {
        if (!gate.isOpen()) {
            return false;
        }
        synchronized (waiting) {
            if (waiting.remove(trackId) != null) {
                coalesced.increment();
            }
            waiting.put(trackId, message);
            waiting.notifyAll();
        }
        return true;
    }

    /** This instance's value of the {@link #SENDER_HEADER}. */
    public String instance() {
        return instance;
    }

    /** Called (on the producer's thread: keep it short) for every message the broker acknowledged. */
    public void whenSent(SentListener listener) {
        this.listener = listener;
    }

    /** The deterministic event id of a track's update number {@code n} (or of its end). */
    public static UUID eventId(String stream, String trackId, String what) {
        return UUID.nameUUIDFromBytes(("fusion.tracks|" + stream + "|" + trackId + "|" + what)
                .getBytes(StandardCharsets.UTF_8));
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        sender = new Thread(this::send, "fusion-track-sender");
        sender.setDaemon(true);
        sender.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (sender != null) {
            sender.interrupt();
        }
        producer.close();
    }

    private void send() {
        List<Outgoing> batch = new ArrayList<>();
        while (running) {
            try {
                batch.clear();
                synchronized (waiting) {
                    while (waiting.isEmpty()) {
                        waiting.wait(200);
                        if (!running) {
                            return;
                        }
                    }
                    batch.addAll(waiting.values());
                    waiting.clear();
                }
                for (Outgoing message : batch) {
                    if (!gate.isOpen()) {
                        break;
                    }
                    sendOne(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("track sender failed on a batch; continuing: %s", e.getMessage());
            }
        }
    }

    private void sendOne(Outgoing outgoing) {
        Object message = outgoing.message() instanceof TrackPayload update ? update.message() : outgoing.message();
        String trackId = message instanceof FusedTrackMessage m ? m.trackId() : ((TrackEndedMessage) message).trackId();
        String stream = message instanceof FusedTrackMessage m ? m.stream() : ((TrackEndedMessage) message).stream();
        String json;
        UUID agreementId = gate.agreementId();
        try {
            json = toJson(outgoing.message(), clock.instant(), agreementId);
        } catch (JsonProcessingException e) {
            failed.increment();
            Log.errorf("track message %s cannot be serialised: %s", trackId, e.getMessage());
            return;
        }
        // may block for the producer's max.block.ms while the broker is away: only this thread waits
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, trackId, json);
        record.headers().add(FusedTrackMessage.STREAM_HEADER, stream.getBytes(StandardCharsets.UTF_8));
        record.headers().add(FusedTrackMessage.EPOCH_HEADER,
                Long.toString(outgoing.epoch()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(SENDER_HEADER, instanceBytes);
        Traceparent.addTo(record.headers(), outgoing.traceparent());
        producer.get().send(record, (metadata, error) -> {
            if (error != null) {
                failed.increment();
                Log.warnf("track message %s could not be sent: %s", trackId, error.getMessage());
            } else {
                sent.increment();
                listener.sent(message, agreementId);
            }
        });
    }

    /**
     * The event as it goes on the wire: the envelope with a deterministic id around an update (a
     * {@link FusedTrackMessage}, or a {@link TrackPayload} whose JSON is reused) or an end.
     */
    public static String toJson(Object message, Instant occurredAt, UUID agreementId) throws JsonProcessingException {
        TrackEvent event;
        if (message instanceof FusedTrackMessage m) {
            return toJson(new TrackPayload(m), occurredAt, agreementId);
        } else if (message instanceof TrackPayload update) {
            FusedTrackMessage m = update.message();
            event = new TrackEvent(eventId(m.stream(), m.trackId(), Integer.toString(m.updateNumber())),
                    FusedTrackMessage.TYPE, FusedTrackMessage.VERSION, occurredAt, "fusion-service", null,
                    EventEnvelope.SYSTEM_ACTOR, agreementId, m.trackId(), update.json());
        } else {
            TrackEndedMessage m = (TrackEndedMessage) message;
            event = new TrackEvent(eventId(m.stream(), m.trackId(), "ended"), TrackEndedMessage.TYPE,
                    TrackEndedMessage.VERSION, occurredAt, "fusion-service", null, EventEnvelope.SYSTEM_ACTOR,
                    agreementId, m.trackId(), EventSerde.mapper().writeValueAsString(m));
        }
        return WRITER.writeValueAsString(event);
    }

    /** Sends what is waiting and waits for the acknowledgements (tests, shutdown). */
    public void flush() {
        producer.get().flush();
    }
}
