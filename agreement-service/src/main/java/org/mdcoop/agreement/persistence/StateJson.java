package org.mdcoop.agreement.persistence;

import org.mdcoop.common.events.EventSerde;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Serialises aggregate snapshots for the {@code state} columns (same Jackson settings as events). */
public final class StateJson {

    private StateJson() {
    }

    public static String write(Object snapshot) {
        try {
            return EventSerde.mapper().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + snapshot.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventSerde.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state is not a valid " + type.getSimpleName(), e);
        }
    }
}
