package org.mdcoop.transparency.domain.compliance;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * Deadline clocks, New-START style. All deadlines are calendar dates, inclusive, ending 23:59:59.999 UTC of that
 * date.
 *
 * <ul>
 * <li><b>Initial</b>: one disclosure of each kind for the round containing the activation date (UTC), due
 * {@code initialDays} after the activation date.</li>
 * <li><b>Updates, twice a year</b>: for every later half-year round (H1 = Jan–Jun, H2 = Jul–Dec) one disclosure of
 * each kind, due on the round's last day (30 Jun / 31 Dec) plus {@code updateGraceDays}. Calendar half-years were
 * chosen (rather than every 6 months from activation) because the round ids are calendar half-years.</li>
 * <li><b>Changes</b>: a revision (version ≥ 2) is due {@code changeDays} after the date its facts changed
 * ({@code changeOccurredOn}).</li>
 * </ul>
 */
public record DeadlinePolicy(int initialDays, int changeDays, int updateGraceDays) {

    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(45, 5, 0);

    public DeadlinePolicy {
        FieldErrors errors = new FieldErrors();
        if (initialDays < 1 || initialDays > 365) {
            errors.add("initialDays", "must be between 1 and 365");
        }
        if (changeDays < 1 || changeDays > 365) {
            errors.add("changeDays", "must be between 1 and 365");
        }
        if (updateGraceDays < 0 || updateGraceDays > 180) {
            errors.add("updateGraceDays", "must be between 0 and 180");
        }
        errors.throwIfAny();
    }
}
