package org.mdcoop.common.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Reads a request body that came without a Content-Length up to the body limit before it is parsed, and refuses it
 * with {@link BodyTooLarge} (413 problem+json) once it passes the limit. {@link BodyLimit} has already refused every
 * HTTP/1.1 body over the limit; what reaches here without a length is an HTTP/2 body. Reading it first keeps the
 * rule the same for every way of sending: the size is checked before the content (counting while parsing would
 * answer an unknown field at the start of a huge body with 400 instead). Quarkus' own limit, set above ours, would
 * answer with a bare 413 and a {@code Connection} header that HTTP/2 forbids (the client sees a protocol error).
 */
@Provider
public class UnsizedBodyLimit implements ReaderInterceptor {

    private final BodyLimit limit;

    public UnsizedBodyLimit(BodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limitBytes = limit.limitBytes();
        if (limitBytes > 0 && context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH) == null) {
            context.setInputStream(readUpToLimit(context.getInputStream(), limitBytes));
        }
        return context.proceed();
    }

    static InputStream readUpToLimit(InputStream body, long limitBytes) throws IOException {
        int atMost = (int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1);
        byte[] read = body.readNBytes(atMost);
        if (read.length > limitBytes) {
            throw new BodyTooLarge(limitBytes);
        }
        return new ByteArrayInputStream(read);
    }
}
