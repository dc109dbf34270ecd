package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Objects;

/** A party's pending consent to make a provisional agreement permanent. */
public record PermanenceConsent(Instant at) {
    public PermanenceConsent {
        Objects.requireNonNull(at, "at");
    }
}
