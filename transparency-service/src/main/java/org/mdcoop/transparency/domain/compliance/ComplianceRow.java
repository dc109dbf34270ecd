package org.mdcoop.transparency.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;

/**
 * One obligation of one party on the compliance view.
 *
 * @param version     for CHANGE rows the revision's version, otherwise null
 * @param dueDate     last day (inclusive, UTC) to submit
 * @param dueBy       the exclusive instant: {@code dueDate + 1 day} at 00:00 UTC
 * @param submittedAt the first submission that satisfied the obligation, null if none yet
 * @param daysLate    whole days after {@code dueDate} (of submission, or of {@code now} when overdue); 0 otherwise
 */
public record ComplianceRow(Party party, Obligation obligation, DisclosureKind kind, ReportingRound round,
        Integer version, LocalDate dueDate, Instant dueBy, Instant submittedAt, ComplianceStatus status,
        long daysLate) {

    public enum Obligation {
        INITIAL,
        UPDATE,
        CHANGE
    }

    public enum ComplianceStatus {
        /** Submitted by the deadline. */
        ON_TIME,
        /** Submitted, but after the deadline. */
        LATE,
        /** Not submitted, deadline passed. */
        OVERDUE,
        /** Not submitted, deadline not yet passed. */
        PENDING
    }
}
