package org.mdcoop.common.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} a message carries from the transaction that wrote it to the consumer that applies it:
 * stored beside an outbox row, sent as the Kafka header of the same name. Only the traceparent travels (no
 * {@code tracestate}, no baggage): it is all a consumer needs to continue the trace, and it fits one column.
 */
public final class Traceparent {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> FROM_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private Traceparent() {
    }

    /** The traceparent of the current span; null when there is none (e.g. a scheduled pass outside any trace). */
    public static String current() {
        return of(Context.current());
    }

    /** The traceparent of the span in {@code context}; null when it holds no valid span. */
    public static String of(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The traceparent of {@code span}; null when it is not a valid span. */
    public static String of(Span span) {
        return of(Context.root().with(span));
    }

    /** The context {@code traceparent} names, below {@code base}; {@code base} itself when it is null or malformed. */
    public static Context parent(String traceparent, Context base) {
        if (traceparent == null || traceparent.isBlank()) {
            return base;
        }
        return W3CTraceContextPropagator.getInstance().extract(base, traceparent, FROM_VALUE);
    }

    /** The last {@value #HEADER} header of a record; null when it has none. */
    public static String in(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Adds the header; nothing when {@code traceparent} is null (a message written outside any trace). */
    public static void addTo(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }
}
