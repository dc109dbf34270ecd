package org.mdcoop.common.api;

import java.io.IOException;

/**
 * A request body passed the limit while the REST layer was reading it (an HTTP/2 body sent without a
 * Content-Length, the one kind {@link BodyLimit} cannot refuse before the resource reads it). An
 * {@link IOException}, because it is thrown from the body's input stream.
 */
public class BodyTooLarge extends IOException {

    private final long limitBytes;

    public BodyTooLarge(long limitBytes) {
        super("request body over " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
