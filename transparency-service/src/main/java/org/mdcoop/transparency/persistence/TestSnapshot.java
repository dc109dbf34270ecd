package org.mdcoop.transparency.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.Observation;
import org.mdcoop.transparency.domain.observation.TestAnnouncement;
import org.mdcoop.transparency.domain.observation.TestState;

/** The stored form of an {@link InterceptorTest}. */
public record TestSnapshot(UUID id, Party host, TestAnnouncement announcement, Instant announcedAt,
        int minNoticeDays, boolean late, TestState state, List<String> observers, String declineReason,
        Instant respondedAt, Measurements declaredResults, Instant resultsRecordedAt, List<Observation> observations,
        String cancelReason, Instant cancelledAt) {

    public static TestSnapshot of(InterceptorTest t) {
        return new TestSnapshot(t.id(), t.host(), t.announcement(), t.announcedAt(), t.minNoticeDays(), t.late(),
                t.state(), t.observers(), t.declineReason(), t.respondedAt(), t.declaredResults(),
                t.resultsRecordedAt(), t.observations(), t.cancelReason(), t.cancelledAt());
    }

    public InterceptorTest restore() {
        return InterceptorTest.restore(id, host, announcement, announcedAt, minNoticeDays, late, state, observers,
                declineReason, respondedAt, declaredResults, resultsRecordedAt, observations, cancelReason,
                cancelledAt);
    }
}
