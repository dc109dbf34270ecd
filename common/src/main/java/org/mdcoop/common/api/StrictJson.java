package org.mdcoop.common.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly, so a client's mistake is refused (400) instead of being guessed at. Jackson's
 * defaults would silently truncate {@code 4.5} to {@code 4} for an integer field, take {@code "48"} for a number and {@code 48} for text,
 * take an enum's ordinal ({@code 0}) for its name, and ignore anything after the first JSON value
 * ({@code {...} garbage}), and keep the last of a member given twice. Unknown fields are refused by
 * {@code quarkus.jackson.fail-on-unknown-properties}; values that cannot be computed with or stored are refused by
 * {@link StorableValues}.
 * Events and stored state use their own mapper ({@code EventSerde}); this one serves the REST layer.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // MapperFeature is set on the built mapper, as Quarkus hands it over
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a member given twice is refused by name ({"reason":"a","reason":"b"}), not resolved by a guess; for a
        // record with one member Jackson's own answer was a definition error that Quarkus maps to a bare 500
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // no U+0000 or lone surrogate in text, instants and dates within the years 0001-9999
        mapper.registerModule(StorableValues.module());
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // ...and a number or boolean is not text: {"name": 123} is a wrong type, not "123"
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
