package org.mdcoop.transparency.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.Observation;
import org.mdcoop.transparency.domain.observation.TestAnnouncement;
import org.mdcoop.transparency.domain.observation.TestState;

/**
 * An interceptor test as either participant sees it.
 *
 * @param role           HOST or GUEST: the reader's party's role in this test
 * @param late           the invitation came less than {@code minNoticeDays} before the window (allowed, flagged)
 * @param allowedActions what the reader's party may do next (host and guest actions differ)
 */
public record TestView(UUID id, Party host, Party guest, String role, TestState state, TestAnnouncement announcement,
        Instant announcedAt, int minNoticeDays, boolean late, List<String> observers, String declineReason,
        Instant respondedAt, Measurements declaredResults, Instant resultsRecordedAt, List<Observation> observations,
        String cancelReason, Instant cancelledAt, List<String> allowedActions, long lockVersion) {

    private static final List<String> HOST_ACTIONS = List.of("recordResults", "cancel");
    private static final List<String> GUEST_ACTIONS = List.of("accept", "decline", "recordObservation");

    static TestView of(InterceptorTest t, Party reader, long lockVersion) {
        boolean host = reader == t.host();
        List<String> mine = host ? HOST_ACTIONS : GUEST_ACTIONS;
        return new TestView(t.id(), t.host(), t.guest(), host ? "HOST" : "GUEST", t.state(), t.announcement(),
                t.announcedAt(), t.minNoticeDays(), t.late(), t.observers(), t.declineReason(), t.respondedAt(),
                t.declaredResults(), t.resultsRecordedAt(), t.observations(), t.cancelReason(), t.cancelledAt(),
                t.allowedActions().stream().filter(mine::contains).toList(), lockVersion);
    }
}
