package org.mdcoop.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The REST mapper's rule for storable values (issue 19), on a mapper built as Quarkus builds it: the JavaTimeModule
 * registered, then {@link StrictJson}, then the JavaTimeModule again (so the range check must not depend on order).
 */
class StorableValuesTest {

    record Body(String name, Instant at, LocalDate on, List<String> tags, JsonNode content) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(m);
        return m.registerModule(new JavaTimeModule());
    }

    @Test
    void ordinaryValuesPass() throws Exception {
        Body b = mapper.readValue("{\"name\":\"Site \\ud83d\\ude80\",\"at\":\"2041-03-01T00:00:00Z\","
                + "\"on\":\"9999-12-31\",\"tags\":[\"a\"],\"content\":{\"x\":[\"y\"]}}", Body.class);
        assertThat(b.at()).isEqualTo(Instant.parse("2041-03-01T00:00:00Z"));
        assertThat(b.name()).endsWith("\ud83d\ude80");
    }

    @Test
    void instantsAndDatesOutsideTheYears1To9999AreRefusedByField() {
        for (String at : new String[] { "+294277-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z" }) {
            assertRefused("{\"at\":\"" + at + "\"}", "at", "0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        for (String on : new String[] { "+294277-01-01", "-999999999-01-01", "+999999999-12-31", "+10000-01-01" }) {
            assertRefused("{\"on\":\"" + on + "\"}", "on", "0001-01-01 and 9999-12-31");
        }
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedWhereverTextIs() {
        assertRefused("{\"name\":\"a\\u0000\"}", "name", "U+0000");
        assertRefused("{\"name\":\"a\\ud800b\"}", "name", "unpaired surrogate");
        assertRefused("{\"tags\":[\"ok\",\"\\u0000\"]}", "tags[1]", "U+0000");
        assertRefused("{\"content\":{\"a\":[{\"b\":\"\\u0000\"}]}}", "content.a[0].b", "U+0000");
        assertRefused("{\"content\":{\"a\\u0000\":1}}", "content.a\u0000", "member name");
    }

    @Test
    void aMemberGivenTwiceIsAParseErrorNamingIt() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"name\":\"b\"}", Body.class))
                .hasStackTraceContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> mapper.readValue("{\"content\":{\"x\":1,\"x\":2}}", Body.class))
                .satisfies(e -> assertThat(causeOf(e)).isNotNull());
    }

    @Test
    void textRule() {
        assertThat(StorableValues.textProblem("plain")).isEmpty();
        assertThat(StorableValues.textProblem("\ud83d\ude80")).isEmpty();
        assertThat(StorableValues.textProblem("\ude80")).isPresent();
        assertThat(StorableValues.textProblem("x\u0000")).contains("must not contain U+0000");
    }

    private static JsonParseException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException p) {
                return p;
            }
        }
        return null;
    }

    private void assertRefused(String json, String field, String message) {
        assertThatThrownBy(() -> mapper.readValue(json, Body.class))
                .as(json)
                .isInstanceOfSatisfying(JsonMappingException.class, e -> {
                    StringBuilder path = new StringBuilder();
                    for (JsonMappingException.Reference ref : e.getPath()) {
                        if (ref.getFieldName() != null) {
                            path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
                        } else if (ref.getIndex() >= 0) {
                            path.append('[').append(ref.getIndex()).append(']');
                        }
                    }
                    assertThat(path.toString()).isEqualTo(field);
                    assertThat(e.getOriginalMessage()).contains(message);
                });
    }
}
