package org.mdcoop.common.api;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Answers a request body over {@code mdcoop.http.max-body-size} with 413 as problem+json. Left alone, Quarkus
 * answers a bare 413 with no body: for a Content-Length over the limit from a route of its own (order -2), and for a
 * chunked body from inside the REST layer's input stream, where no exception mapper sees it. So this route runs
 * first: it refuses an oversized Content-Length itself and reads a chunked HTTP/1.1 body up to the limit (the REST
 * layer then takes the body already read). A body within the limit is never touched on its way to the resource.
 * HTTP/2 bodies without a Content-Length are read up to the limit in the REST layer ({@link UnsizedBodyLimit}).
 */
@Singleton
public class BodyLimit {

    /** Before Quarkus' own Content-Length check (order -2). */
    static final int ORDER = -3;
    private static final String REFUSED = BodyLimit.class.getName() + ".refused";
    /** How much of a refused upload is read (and dropped) before the connection is closed anyway. */
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final long LINGER_MILLIS = 10_000;

    private final long limitBytes;
    private final ObjectMapper json;
    private final BodyHandler chunkedBody;

    public BodyLimit(@ConfigProperty(name = "mdcoop.http.max-body-size") Optional<MemorySize> limit,
            ObjectMapper json) {
        this.limitBytes = limit.map(MemorySize::asLongValue).orElse(-1L);
        this.json = json;
        this.chunkedBody = BodyHandler.create(false).setBodyLimit(limitBytes).setMergeFormAttributes(false);
    }

    /** The limit in bytes; zero or less: none. */
    public long limitBytes() {
        return limitBytes;
    }

    /** The answer to a body over the limit, wherever it is found. */
    static Problem problem(long limitBytes, String path) {
        return new Problem("payload-too-large", "Payload too large", 413,
                "The request body is larger than the limit of " + describe(limitBytes))
                .with("maxBodyBytes", limitBytes)
                .withInstance(path);
    }

    void install(@Observes Router router) {
        if (limitBytes <= 0) {
            return;
        }
        router.route().order(ORDER).handler(this::check).failureHandler(this::bodyHandlerRefused);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String contentLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (contentLength != null) {
            if (parse(contentLength) > limitBytes) {
                tooLarge(rc);
            } else {
                rc.next();
            }
            return;
        }
        if (request.version() != HttpVersion.HTTP_2 && chunked(request)) {
            // chunked HTTP/1.1: read it here, refusing it as soon as it passes the limit
            chunkedBody.handle(rc);
            return;
        }
        // No body, or HTTP/2 without a length: left to the REST layer, which reads it up to the limit (UnsizedBodyLimit).
        // Reading an HTTP/2 body here would end the stream, and the REST layer then fails to pause it (a 500 for
        // every DELETE without a body over h2c).
        rc.next();
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaderNames.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /**
     * The body handler fails the request with 413 once a chunked body passes the limit. Once that answer is out, a
     * later failure of the same request (the upload cut off when the connection closes) has nothing left to say.
     */
    private void bodyHandlerRefused(RoutingContext rc) {
        if (Boolean.TRUE.equals(rc.get(REFUSED))) {
            return;
        }
        if (rc.statusCode() == 413 && !rc.response().headWritten()) {
            tooLarge(rc);
        } else {
            rc.next();
        }
    }

    private void tooLarge(RoutingContext rc) {
        rc.put(REFUSED, Boolean.TRUE);
        HttpServerResponse response = rc.response();
        String body;
        try {
            body = json.writeValueAsString(problem(limitBytes, rc.normalizedPath()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
        response.setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (rc.request().version() != HttpVersion.HTTP_2) {
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
            new LingeringClose(rc).start();
        }
        response.end(body);
    }

    /**
     * Closing the connection while the client is still uploading makes the kernel reset it, and the reset throws
     * away the 413 the client has not read yet: it sees a dropped connection instead of the answer (one request in
     * ten on this machine). So the rest of the upload is read and dropped first, as web servers' "lingering close"
     * does, bounded in bytes and time so that an endless upload cannot hold the connection; the connection is closed
     * once both the answer is out and the upload has ended.
     */
    private static final class LingeringClose {
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private final Vertx vertx;
        private long discardedBytes;
        private boolean answered;
        private boolean uploadOver;
        private long timer = -1;

        LingeringClose(RoutingContext rc) {
            this.request = rc.request();
            this.response = rc.response();
            this.vertx = rc.vertx();
        }

        void start() {
            response.endHandler(done -> {
                answered = true;
                closeWhenDone();
            });
            if (request.isEnded()) {
                uploadOver = true;
                return;
            }
            timer = vertx.setTimer(LINGER_MILLIS, expired -> giveUp());
            request.exceptionHandler(failed -> giveUp());
            request.handler(chunk -> {
                discardedBytes += chunk.length();
                if (discardedBytes > MAX_DISCARDED_BYTES) {
                    giveUp();
                }
            });
            request.endHandler(ended -> {
                uploadOver = true;
                closeWhenDone();
            });
            request.resume();
        }

        private void giveUp() {
            uploadOver = true;
            answered = true;
            closeWhenDone();
        }

        private void closeWhenDone() {
            if (answered && uploadOver) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        }
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec refuses a malformed length before any route runs
        }
    }

    static String describe(long bytes) {
        long mib = 1024L * 1024L;
        if (bytes % mib == 0) {
            return bytes / mib + " MiB (" + bytes + " bytes)";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
