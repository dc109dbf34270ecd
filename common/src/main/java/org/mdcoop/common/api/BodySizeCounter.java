package org.mdcoop.common.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Counts the bytes the REST layer reads from a request body and stops at the body limit with {@link BodyTooLarge}
 * (413 problem+json). {@link BodyLimit} refuses every HTTP/1.1 body over the limit before this runs; what reaches
 * here over the limit is an HTTP/2 body without a Content-Length. Quarkus' own limit, set above ours, would answer
 * that one with a bare 413 and a {@code Connection} header that HTTP/2 forbids (the client sees a protocol error).
 */
@Provider
public class BodySizeCounter implements ReaderInterceptor {

    private final BodyLimit limit;

    public BodySizeCounter(BodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (limit.limitBytes() > 0) {
            context.setInputStream(new Counting(context.getInputStream(), limit.limitBytes()));
        }
        return context.proceed();
    }

    private static final class Counting extends FilterInputStream {
        private final long limitBytes;
        private long read;

        Counting(InputStream in, long limitBytes) {
            super(in);
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > limitBytes) {
                throw new BodyTooLarge(limitBytes);
            }
        }
    }
}
