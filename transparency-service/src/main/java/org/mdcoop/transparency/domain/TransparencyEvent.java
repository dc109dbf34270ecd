package org.mdcoop.transparency.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.disclosure.ChangeNotice;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureContent;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.observation.Area;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.TestState;

/**
 * Events returned by the commands of {@link Disclosure} and {@link InterceptorTest}. Each record is one event type:
 * {@link #type()} and {@link #payloadVersion()} are stable (docs/transparency-service.md), and the record serialised
 * is the payload on {@code transparency.events}, so its components, their order and their nulls are the wire format.
 */
public sealed interface TransparencyEvent {

    /** The disclosure version or the test the event is about: the subject and Kafka key. */
    UUID subjectId();

    String type();

    /** The envelope's {@code version}: of the payload's shape, raised when that changes incompatibly. */
    default int payloadVersion() {
        return 1;
    }

    /** A version was submitted; for a revision it carries the change notice from the previous version. */
    record DisclosureSubmitted(UUID disclosureId, Party party, DisclosureKind kind, String round, int version,
            Instant submittedAt, LocalDate changeOccurredOn, UUID supersedes, ChangeNotice changeNotice,
            DisclosureContent content) implements TransparencyEvent {

        public UUID subjectId() {
            return disclosureId;
        }

        public String type() {
            return "transparency.disclosure-submitted";
        }
    }

    /** A version was replaced by the next one; the change notice says what changed. */
    record DisclosureSuperseded(UUID disclosureId, Party party, DisclosureKind kind, String round, int version,
            UUID supersededBy, Instant supersededAt, LocalDate changeOccurredOn, ChangeNotice changeNotice)
            implements TransparencyEvent {

        public UUID subjectId() {
            return disclosureId;
        }

        public String type() {
            return "transparency.disclosure-superseded";
        }
    }

    /** The host announced a test and so invited the guest; {@code late} if with less notice than asked for. */
    record TestAnnounced(UUID testId, Party host, Party guest, Instant windowStart, Instant windowEnd, LatLon site,
            String interceptorType, Area launchArea, Area impactArea, boolean late, int minNoticeDays)
            implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-announced";
        }
    }

    record TestAccepted(UUID testId, Party host, Party guest, List<String> observers) implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-accepted";
        }
    }

    /** {@code reason} may be null. */
    record TestDeclined(UUID testId, Party host, Party guest, String reason) implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-declined";
        }
    }

    record TestResultsRecorded(UUID testId, Party host, Measurements results) implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-results-recorded";
        }
    }

    /** {@code discrepancies} against the declared results (0 while there are none), with the tolerances applied. */
    record TestObserved(UUID testId, Party host, Party guest, String observer, Measurements measurements,
            int discrepancies) implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-observed";
        }
    }

    /** By the host, or because the agreement ended; {@code previousState} is the state it was cancelled in. */
    record TestCancelled(UUID testId, Party host, Party guest, String reason, TestState previousState)
            implements TransparencyEvent {

        public UUID subjectId() {
            return testId;
        }

        public String type() {
            return "transparency.test-cancelled";
        }
    }
}
