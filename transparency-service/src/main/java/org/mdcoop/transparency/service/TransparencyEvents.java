package org.mdcoop.transparency.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.transparency.domain.disclosure.ChangeNotice;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureContent;
import org.mdcoop.transparency.domain.observation.Area;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.LatLon;

/**
 * Writes the service's domain events to the outbox (topic {@code transparency.events}), inside the caller's
 * transaction. Types are {@code transparency.<event>}, version 1; the payload records below are the contract.
 */
@ApplicationScoped
public class TransparencyEvents {

    public static final String TOPIC = "transparency.events";
    public static final String PRODUCER = "transparency";
    public static final int VERSION = 1;

    public static final String DISCLOSURE_SUBMITTED = "transparency.disclosure-submitted";
    public static final String DISCLOSURE_SUPERSEDED = "transparency.disclosure-superseded";
    public static final String TEST_ANNOUNCED = "transparency.test-announced";
    public static final String TEST_ACCEPTED = "transparency.test-accepted";
    public static final String TEST_DECLINED = "transparency.test-declined";
    public static final String TEST_RESULTS_RECORDED = "transparency.test-results-recorded";
    public static final String TEST_OBSERVED = "transparency.test-observed";
    public static final String TEST_CANCELLED = "transparency.test-cancelled";

    /** A version was submitted; for a revision it carries the change notice from the previous version. */
    public record DisclosureSubmitted(UUID disclosureId, Party party, String kind, String round, int version,
            Instant submittedAt, LocalDate changeOccurredOn, UUID supersedes, ChangeNotice changeNotice,
            DisclosureContent content) {
    }

    /** A version was replaced by the next one; the change notice says what changed. */
    public record DisclosureSuperseded(UUID disclosureId, Party party, String kind, String round, int version,
            UUID supersededBy, Instant supersededAt, LocalDate changeOccurredOn, ChangeNotice changeNotice) {
    }

    public record TestAnnounced(UUID testId, Party host, Party guest, Instant windowStart, Instant windowEnd,
            LatLon site, String interceptorType, Area launchArea, Area impactArea, boolean late, int minNoticeDays) {
    }

    public record TestAccepted(UUID testId, Party host, Party guest, List<String> observers) {
    }

    public record TestDeclined(UUID testId, Party host, Party guest, String reason) {
    }

    public record TestResultsRecorded(UUID testId, Party host, Measurements results) {
    }

    public record TestObserved(UUID testId, Party host, Party guest, String observer, Measurements measurements,
            int discrepancies) {
    }

    public record TestCancelled(UUID testId, Party host, Party guest, String reason, String previousState) {
    }

    private final Outbox outbox;

    public TransparencyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Disclosure d, Disclosure previous, UUID agreementId, String actor) {
        publish(DISCLOSURE_SUBMITTED, d.submittedAt(), d.party(), actor, agreementId, d.id(),
                new DisclosureSubmitted(d.id(), d.party(), d.kind().name(), d.round().id(), d.version(),
                        d.submittedAt(), d.changeOccurredOn(), previous == null ? null : previous.id(),
                        d.changeNotice(), d.content()));
    }

    public void superseded(Disclosure previous, Disclosure next, UUID agreementId, String actor) {
        publish(DISCLOSURE_SUPERSEDED, previous.supersededAt(), previous.party(), actor, agreementId, previous.id(),
                new DisclosureSuperseded(previous.id(), previous.party(), previous.kind().name(),
                        previous.round().id(), previous.version(), next.id(), previous.supersededAt(),
                        next.changeOccurredOn(), next.changeNotice()));
    }

    public void announced(InterceptorTest t, UUID agreementId, String actor) {
        var a = t.announcement();
        publish(TEST_ANNOUNCED, t.announcedAt(), t.host(), actor, agreementId, t.id(),
                new TestAnnounced(t.id(), t.host(), t.guest(), a.windowStart(), a.windowEnd(), a.site(),
                        a.interceptorType(), a.launchArea(), a.impactArea(), t.late(), t.minNoticeDays()));
    }

    public void accepted(InterceptorTest t, UUID agreementId, String actor, Instant now) {
        publish(TEST_ACCEPTED, now, t.guest(), actor, agreementId, t.id(),
                new TestAccepted(t.id(), t.host(), t.guest(), t.observers()));
    }

    public void declined(InterceptorTest t, UUID agreementId, String actor, Instant now) {
        publish(TEST_DECLINED, now, t.guest(), actor, agreementId, t.id(),
                new TestDeclined(t.id(), t.host(), t.guest(), t.declineReason()));
    }

    public void resultsRecorded(InterceptorTest t, UUID agreementId, String actor, Instant now) {
        publish(TEST_RESULTS_RECORDED, now, t.host(), actor, agreementId, t.id(),
                new TestResultsRecorded(t.id(), t.host(), t.declaredResults()));
    }

    public void observed(InterceptorTest t, String observer, Measurements m, int discrepancies, UUID agreementId,
            String actor, Instant now) {
        publish(TEST_OBSERVED, now, t.guest(), actor, agreementId, t.id(),
                new TestObserved(t.id(), t.host(), t.guest(), observer, m, discrepancies));
    }

    /** @param party who cancelled: the host, or null when the end of the agreement cancelled it */
    public void cancelled(InterceptorTest t, String previousState, Party party, UUID agreementId, String actor,
            Instant now) {
        publish(TEST_CANCELLED, now, party, actor, agreementId, t.id(),
                new TestCancelled(t.id(), t.host(), t.guest(), t.cancelReason(), previousState));
    }

    private void publish(String type, Instant occurredAt, Party party, String actor, UUID agreementId, UUID subject,
            Object payload) {
        outbox.publish(TOPIC, EventSerde.envelope(type, VERSION, occurredAt, PRODUCER, party, actor, agreementId,
                subject.toString(), payload));
    }
}
