package org.mdcoop.transparency.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mdcoop.common.domain.ValidationFailed;

/**
 * A half-year reporting round, written {@code YYYY-H1} (1 Jan – 30 Jun) or {@code YYYY-H2} (1 Jul – 31 Dec).
 * Years 2000–2999.
 */
public record ReportingRound(int year, int half) implements Comparable<ReportingRound> {

    private static final Pattern PATTERN = Pattern.compile("^(2\\d{3})-H([12])$");

    public ReportingRound {
        if (year < 2000 || year > 2999 || (half != 1 && half != 2)) {
            throw ValidationFailed.of("round", "must look like 2026-H1 or 2026-H2");
        }
    }

    /** Parses {@code 2026-H2}; throws {@link ValidationFailed} on the field {@code field}. */
    public static ReportingRound parse(String field, String id) {
        if (id == null) {
            throw ValidationFailed.of(field, "is required");
        }
        Matcher m = PATTERN.matcher(id);
        if (!m.matches()) {
            throw ValidationFailed.of(field, "must look like 2026-H1 or 2026-H2");
        }
        return new ReportingRound(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static ReportingRound parse(String id) {
        return parse("round", id);
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** The round whose half-year contains {@code date}. */
    public static ReportingRound containing(LocalDate date) {
        return new ReportingRound(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public String id() {
        return year + "-H" + half;
    }

    public LocalDate startDate() {
        return half == 1 ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 7, 1);
    }

    /** Last day of the round (30 Jun or 31 Dec), inclusive. */
    public LocalDate endDate() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public ReportingRound next() {
        return half == 1 ? new ReportingRound(year, 2) : new ReportingRound(year + 1, 1);
    }

    public ReportingRound previous() {
        return half == 2 ? new ReportingRound(year, 1) : new ReportingRound(year - 1, 2);
    }

    @Override
    public int compareTo(ReportingRound o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(half, o.half);
    }

    @Override
    public String toString() {
        return id();
    }
}
