package org.mdcoop.common.persistence;

import org.mdcoop.common.events.EventSerde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Serialises aggregate snapshots for the services' {@code state} columns, with the same Jackson settings as events, so
 * a stored aggregate and its events read the same way.
 */
public final class StateJson {

    private StateJson() {
    }

    public static String write(Object value) {
        try {
            return EventSerde.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventSerde.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state is not a valid " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventSerde.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state is not valid", e);
        }
    }
}
