package org.mdcoop.common.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The one rule for values a request may carry (issue 19, "no 500 for any input"): every value must be one the
 * services can compute with and PostgreSQL can store, and one that is not is refused where it is bound, as a 400
 * {@code validation} problem naming the field.
 * <ul>
 * <li>Text (JSON strings, member names, path and query parameters) holds no U+0000 (PostgreSQL's {@code text} and
 * {@code jsonb} cannot store it) and no unpaired UTF-16 surrogate (it has no UTF-8 form: the driver would silently
 * store {@code ?}).</li>
 * <li>Instants and dates lie in the years 0001 to 9999: RFC 3339's four-digit years. Beyond them Java's arithmetic
 * overflows (a year past +1,000,000,000 is no {@code Instant}; an agreement's expiry is its start plus months) and
 * PostgreSQL refuses the value (timestamps end in 294276) or stores {@code LocalDate.MIN/MAX} as
 * {@code -infinity/infinity}.</li>
 * </ul>
 * {@link StrictJson} installs {@link #module()} on the REST mapper; {@link StorableParameters} applies
 * {@link #textProblem} to path and query parameters.
 */
public final class StorableValues {

    public static final Instant EARLIEST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    static final String INSTANT_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    static final String DATE_RANGE = "must be between 0001-01-01 and 9999-12-31";

    private StorableValues() {
    }

    /** Why this text cannot be stored, or empty when it can. */
    public static Optional<String> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain U+0000");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain an unpaired surrogate (U+" + hex(c) + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (U+" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    public static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST_INSTANT) && !t.isAfter(LATEST_INSTANT);
    }

    public static boolean inRange(LocalDate d) {
        return !d.isBefore(EARLIEST_DATE) && !d.isAfter(LATEST_DATE);
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /** Deserializers of the REST mapper that refuse what {@link StorableValues} describes. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("mdcoop-storable-values");
        module.addDeserializer(String.class, new StorableString());
        module.addDeserializer(JsonNode.class, new StorableTree());
        // the JavaTimeModule's deserializers are registered after this module and win over an addDeserializer: the
        // range check wraps whichever deserializer Jackson picks for Instant and LocalDate
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == Instant.class || type == LocalDate.class) {
                    return new InRange(deserializer);
                }
                return deserializer;
            }
        });
        module.addKeyDeserializer(String.class, new com.fasterxml.jackson.databind.KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                Optional<String> problem = textProblem(key);
                if (problem.isPresent()) {
                    throw JsonMappingException.from(ctxt.getParser(), "member name " + problem.get());
                }
                return key;
            }
        });
        return module;
    }

    /**
     * A value refused for its content, not its JSON: the REST layer answers it like any other mapping error (400
     * {@code validation}, the field's path from Jackson's references, the message as given).
     */
    private static JsonMappingException refused(JsonParser p, String message) {
        return JsonMappingException.from(p, message);
    }

    static final class StorableString extends StdDeserializer<String> {

        StorableString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            Optional<String> problem = textProblem(value);
            if (problem.isPresent()) {
                throw refused(p, problem.get());
            }
            return value;
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return com.fasterxml.jackson.databind.type.LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Free-form JSON (a disclosure's content): every string and member name inside, with its path. */
    static final class StorableTree extends StdDeserializer<JsonNode> {

        StorableTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
            Deque<Object> path = new ArrayDeque<>();
            String problem = check(tree, path);
            if (problem != null) {
                JsonMappingException e = refused(p, problem);
                // references are prepended as the exception travels up, innermost first
                Iterator<Object> inner = path.iterator(); // the deque's head is the innermost step
                while (inner.hasNext()) {
                    Object step = inner.next();
                    if (step instanceof Integer index) {
                        e.prependPath(tree, index);
                    } else {
                        e.prependPath(tree, (String) step);
                    }
                }
                throw e;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).getNullValue(ctxt);
        }

        /** The first problem found, with {@code path} holding its location (innermost step first). */
        private static String check(JsonNode node, Deque<Object> path) {
            if (node.isTextual()) {
                return textProblem(node.textValue()).orElse(null);
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String problem = check(node.get(i), path);
                    if (problem != null) {
                        path.addLast(i);
                        return problem;
                    }
                }
            } else if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Optional<String> name = textProblem(field.getKey());
                    if (name.isPresent()) {
                        path.addLast(field.getKey());
                        return "member name " + name.get();
                    }
                    String problem = check(field.getValue(), path);
                    if (problem != null) {
                        path.addLast(field.getKey());
                        return problem;
                    }
                }
            }
            return null;
        }
    }

    /** Instants and dates within {@link #EARLIEST_INSTANT}..{@link #LATEST_INSTANT}, as parsed by the delegate. */
    static final class InRange extends DelegatingDeserializer {

        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new InRange(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Instant t && !inRange(t)) {
                throw refused(p, INSTANT_RANGE);
            }
            if (value instanceof LocalDate d && !inRange(d)) {
                throw refused(p, DATE_RANGE);
            }
            return value;
        }
    }
}
