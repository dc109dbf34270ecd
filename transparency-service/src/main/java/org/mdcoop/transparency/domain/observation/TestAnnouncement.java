package org.mdcoop.transparency.domain.observation;

import java.time.Duration;
import java.time.Instant;

import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.LatLon;

/** What the host announces about an interceptor test (request-shaped; server-owned fields are not here). */
public record TestAnnouncement(Instant windowStart, Instant windowEnd, LatLon site, String interceptorType,
        Area launchArea, Area impactArea) {

    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    /** Every field; {@code windowStart} must lie after {@code now}; window at most 31 days. */
    public void validate(Instant now, FieldErrors errors) {
        boolean hasStart = errors.required("windowStart", windowStart);
        boolean hasEnd = errors.required("windowEnd", windowEnd);
        if (hasStart && !windowStart.isAfter(now)) {
            errors.add("windowStart", "must be in the future");
        }
        if (hasStart && hasEnd) {
            if (!windowEnd.isAfter(windowStart)) {
                errors.add("windowEnd", "must be after windowStart");
            } else if (Duration.between(windowStart, windowEnd).compareTo(MAX_WINDOW) > 0) {
                errors.add("windowEnd", "window must not be longer than 31 days");
            }
        }
        if (errors.required("site", site)) {
            site.validate("site", errors);
        }
        errors.text("interceptorType", interceptorType, 120);
        if (errors.required("launchArea", launchArea)) {
            launchArea.validate("launchArea", errors);
        }
        if (errors.required("impactArea", impactArea)) {
            impactArea.validate("impactArea", errors);
        }
    }
}
