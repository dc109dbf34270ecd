package org.mdcoop.transparency.domain.observation;

import java.time.Instant;

/** One named observer's own measurements of a test. */
public record Observation(String observer, Measurements measurements, Instant recordedAt) {
}
