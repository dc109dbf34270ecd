package org.mdcoop.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Instants read by the digits accept and refuse exactly what Jackson's own deserializer does. */
class EventSerdeInstantsTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void instantsAsOurProducersWriteThemReadBackExactly() throws Exception {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long seconds = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond()
                    + (long) (rnd.nextDouble() * (Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()
                    - Instant.parse("0001-01-01T00:00:00Z").getEpochSecond()));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> rnd.nextInt(1_000) * 1_000_000;
                case 2 -> rnd.nextInt(1_000_000) * 1_000;
                default -> rnd.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String json = EventSerde.mapper().writeValueAsString(instant);
            assertThat(EventSerde.mapper().readValue(json, Instant.class)).isEqualTo(instant)
                    .isEqualTo(JACKSON.readValue(json, Instant.class));
        }
    }

    @Test
    void everyOtherFormIsReadOrRefusedAsJacksonDoes() throws Exception {
        List<String> texts = List.of("2027-03-01T10:00:00Z", "2027-03-01T10:00:00.5Z", "2027-03-01T10:00:00.123456789Z",
                "2028-02-29T23:59:59Z", "2027-03-01T10:00:00+01:00", "2027-03-01T10:00:00.25+00:00",
                "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00z", "2027-12-31T23:59:60Z",
                // refused
                "2027-02-29T00:00:00Z", "2027-13-01T00:00:00Z", "2027-03-01T24:00:00Z", "2027-03-01T10:60:00Z",
                "2027-03-01T10:00:00.Z", "2027-03-01T10:00:00.1234567890Z", "2027-03-01 10:00:00Z",
                "2027-03-0aT10:00:00Z", "2027-03-01T10:00:00", "", "x");
        for (String text : texts) {
            String json = "\"" + text + "\"";
            Object expected;
            try {
                expected = JACKSON.readValue(json, Instant.class);
            } catch (Exception e) {
                expected = e.getClass();
            }
            Object actual;
            try {
                actual = EventSerde.mapper().readValue(json, Instant.class);
            } catch (Exception e) {
                actual = e.getClass();
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
        assertThat(EventSerde.mapper().readValue("1700000000.5", Instant.class))
                .isEqualTo(JACKSON.readValue("1700000000.5", Instant.class));
        assertThat(EventSerde.mapper().readValue("null", Instant.class)).isNull();
    }

    @Test
    void aBadInstantInAnEnvelopeIsPoison() {
        assertThatThrownBy(() -> EventSerde.fromJson("""
                {"eventId":"00000000-0000-0000-0000-000000000001","type":"t","version":1,
                 "occurredAt":"2027-02-30T00:00:00Z","payload":{}}"""))
                .isInstanceOf(PoisonMessageException.class);
    }
}
