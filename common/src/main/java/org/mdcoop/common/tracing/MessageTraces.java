package org.mdcoop.common.tracing;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Continues a trace in a consumer: the record's {@code traceparent} header is the parent of a CONSUMER span that is
 * current while the record is applied, so whatever the effect writes to the outbox (and every log line) carries the
 * trace of the request that caused it. The connector's own receive span ends before the method runs, hence a span of
 * ours. A record without the header starts a trace of its own.
 */
@ApplicationScoped
public class MessageTraces {

    private final Tracer tracer;

    public MessageTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Starts a span below {@code traceparent} (a trace of its own when it is null) for work that is not one record's:
     * a batch of many records sent or applied at once. The caller ends it; {@link Traceparent#of(Span)} names it in
     * the headers of what the work sends.
     */
    public Span start(String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name)
                .setParent(Traceparent.parent(traceparent, Context.current()))
                .setSpanKind(kind)
                .setAttribute("messaging.system", "kafka")
                .startSpan();
    }

    /** Runs {@code work} in a span named after the consumer, child of the record's traceparent. */
    public <T> T consuming(String consumerName, ConsumerRecord<?, ?> record, Supplier<T> work) {
        Span span = tracer.spanBuilder(consumerName + " process")
                .setParent(Traceparent.parent(Traceparent.in(record.headers()), Context.current()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }
}
