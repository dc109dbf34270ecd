package org.mdcoop.transparency.domain;

import java.util.ArrayList;
import java.util.List;

import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

/**
 * Collects field errors with JSON-like paths ({@code components[2].lat}) so that one validation pass reports every
 * offending field at once. Not thread-safe; create one per validation.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String path, String message) {
        errors.add(new FieldError(path, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws {@link ValidationFailed} listing all collected errors, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    /** Joins a parent path and a child name: {@code join("", "lat") = "lat"}, {@code join("site", "lat") = "site.lat"}. */
    public static String join(String parent, String child) {
        return parent == null || parent.isEmpty() ? child : parent + "." + child;
    }

    public static String index(String parent, String listName, int i) {
        return join(parent, listName) + "[" + i + "]";
    }

    // ---- reusable checks; each returns true when the value is acceptable ----

    public boolean required(String path, Object value) {
        if (value == null) {
            add(path, "is required");
            return false;
        }
        return true;
    }

    public boolean text(String path, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(path, "must not be blank");
            return false;
        }
        if (value.length() > maxLength) {
            add(path, "must be at most " + maxLength + " characters");
            return false;
        }
        return true;
    }

    public boolean range(String path, Double value, double minInclusive, double maxInclusive) {
        if (!finite(path, value)) {
            return false;
        }
        if (value < minInclusive || value > maxInclusive) {
            add(path, "must be between " + fmt(minInclusive) + " and " + fmt(maxInclusive));
            return false;
        }
        return true;
    }

    /** min exclusive, max inclusive. */
    public boolean positiveUpTo(String path, Double value, double maxInclusive) {
        if (!finite(path, value)) {
            return false;
        }
        if (value <= 0 || value > maxInclusive) {
            add(path, "must be greater than 0 and at most " + fmt(maxInclusive));
            return false;
        }
        return true;
    }

    public boolean nonNegative(String path, Integer value) {
        if (!required(path, value)) {
            return false;
        }
        if (value < 0) {
            add(path, "must be 0 or greater");
            return false;
        }
        return true;
    }

    public boolean nonNegative(String path, Double value) {
        if (!finite(path, value)) {
            return false;
        }
        if (value < 0) {
            add(path, "must be 0 or greater");
            return false;
        }
        return true;
    }

    public boolean latitude(String path, Double value) {
        return range(path, value, -90, 90);
    }

    public boolean longitude(String path, Double value) {
        return range(path, value, -180, 180);
    }

    private boolean finite(String path, Double value) {
        if (!required(path, value)) {
            return false;
        }
        if (value.isNaN() || value.isInfinite()) {
            add(path, "must be a finite number");
            return false;
        }
        return true;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
