package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Objects;

/** A party's pending consent to extend a provisional agreement by {@code months} calendar months. */
public record ExtensionConsent(int months, Instant at) {
    public ExtensionConsent {
        Objects.requireNonNull(at, "at");
    }
}
