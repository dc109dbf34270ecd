package org.mdcoop.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class UnsizedBodyLimitTest {

    private static final int LIMIT = 1024;

    @Test
    void aBodyUpToTheLimitIsPassedOnWhole() throws Exception {
        byte[] body = new byte[LIMIT];
        body[LIMIT - 1] = 'z';
        InputStream passedOn = UnsizedBodyLimit.readUpToLimit(new ByteArrayInputStream(body), LIMIT);
        assertThat(passedOn.readAllBytes()).isEqualTo(body);
    }

    @Test
    void anEmptyBodyStaysEmpty() throws Exception {
        assertThat(UnsizedBodyLimit.readUpToLimit(InputStream.nullInputStream(), LIMIT).readAllBytes()).isEmpty();
    }

    @Test
    void oneByteOverTheLimitIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> UnsizedBodyLimit.readUpToLimit(new ByteArrayInputStream(new byte[LIMIT + 1]), LIMIT))
                .isInstanceOfSatisfying(BodyTooLarge.class, e -> assertThat(e.limitBytes()).isEqualTo(LIMIT));
    }

    @Test
    void anEndlessBodyIsReadOnlyJustPastTheLimit() {
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }
        };
        assertThatThrownBy(() -> UnsizedBodyLimit.readUpToLimit(endless, LIMIT)).isInstanceOf(BodyTooLarge.class);
        assertThat(served.get()).isEqualTo(LIMIT + 1);
    }
}
