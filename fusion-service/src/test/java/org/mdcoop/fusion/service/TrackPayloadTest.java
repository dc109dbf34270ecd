package org.mdcoop.fusion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.fusion.messaging.TrackPublisher;

import com.fasterxml.jackson.databind.JsonNode;

/** The update's JSON is written once and is the same text in the event on the topic and in the track store. */
class TrackPayloadTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00.123456789Z");
    private static final UUID AGREEMENT = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    private static FusedTrackMessage update(int n) {
        double[] cov = new double[21];
        for (int i = 0; i < cov.length; i++) {
            cov[i] = 1.0 / (i + 3) + i * 1e-7;
        }
        return new FusedTrackMessage("T-1", NOW.minusMillis(40), 3_812_345.123456789, 1_234_567.987654321,
                5_001_234.5, -1_234.56789, 2_345.678901, -345.6789012, 52.123456789, 21.987654321, 180_123.4,
                2_890.123, List.of(Party.NATO, Party.RUSSIA), "MRBM", 0.93, 50.1, 20.2, 54.3, 23.4,
                NOW.plusSeconds(300), 2_000.5, 900.25, 37.5, false, null, FusedTrackMessage.LIVE_STREAM, n, 123.456,
                cov, List.of("NATO-1", "RUSSIA-2"), 1_500.0);
    }

    @Test
    void theEventCarriesTheStoredJsonAsItsPayloadAndReadsBackToTheSameUpdate() throws Exception {
        TrackPayload update = new TrackPayload(update(7));
        String stored = update.json();

        String event = TrackPublisher.toJson(update, NOW, AGREEMENT);

        JsonNode tree = EventSerde.mapper().readTree(event);
        assertThat(EventSerde.mapper().writeValueAsString(tree.get("payload")))
                .isEqualTo(EventSerde.mapper().writeValueAsString(EventSerde.mapper().readTree(stored)));
        assertThat(event).contains("\"payload\":" + stored);
        EventEnvelope envelope = EventSerde.fromJson(event);
        assertThat(envelope.type()).isEqualTo(FusedTrackMessage.TYPE);
        assertThat(envelope.eventId()).isEqualTo(TrackPublisher.eventId("live", "T-1", "7"));
        assertThat(envelope.agreementId()).isEqualTo(AGREEMENT);
        FusedTrackMessage back = EventSerde.payloadAs(envelope, FusedTrackMessage.class);
        assertThat(back).usingRecursiveComparison().isEqualTo(update.message());
    }

    @Test
    void anEventOfAPlainMessageIsTheSameAsOfItsPayload() throws Exception {
        FusedTrackMessage message = update(8);
        assertThat(TrackPublisher.toJson(message, NOW, AGREEMENT))
                .isEqualTo(TrackPublisher.toJson(new TrackPayload(message), NOW, AGREEMENT));
        assertThat(new TrackPayload(message).json()).isEqualTo(EventSerde.mapper().writeValueAsString(message));
    }

    @Test
    void anEndedTrackIsItsOwnPayload() throws Exception {
        TrackEndedMessage ended = new TrackEndedMessage("T-1", "live", NOW, TrackStore.DELETED, 9, false, null);
        EventEnvelope envelope = EventSerde.fromJson(TrackPublisher.toJson(ended, NOW, AGREEMENT));
        assertThat(envelope.type()).isEqualTo(TrackEndedMessage.TYPE);
        assertThat(envelope.eventId()).isEqualTo(TrackPublisher.eventId("live", "T-1", "ended"));
        assertThat(EventSerde.payloadAs(envelope, TrackEndedMessage.class)).isEqualTo(ended);
    }
}
