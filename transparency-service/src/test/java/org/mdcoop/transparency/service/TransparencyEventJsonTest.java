package org.mdcoop.transparency.service;

import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.transparency.domain.Fixtures;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.InventoryContent;
import org.mdcoop.transparency.domain.observation.Area;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.TestAnnouncement;
import org.mdcoop.transparency.domain.observation.ToleranceTable;
import org.mdcoop.transparency.messaging.TransparencyEventPublisher;

/**
 * The wire format of every event on {@code transparency.events}: each case has the domain return the event and the
 * service's publisher write it to the outbox, and compares the envelope, byte for byte (the event id aside, which is
 * random), with the JSON in {@code src/test/resources/event-json}. Those files were captured from the code before the events became domain
 * records; the system tests read these bytes, so a difference is a contract change.
 */
@ExtendWith(SoftAssertionsExtension.class)
class TransparencyEventJsonTest {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final Instant START = T0.plus(Duration.ofDays(40));
    static final Instant END = START.plus(Duration.ofHours(6));
    static final UUID AGREEMENT = UUID.fromString("9d0e6f1a-0000-4000-8000-000000000001");
    static final UUID V1 = UUID.fromString("d1d1d1d1-0000-4000-8000-000000000001");
    static final UUID V2 = UUID.fromString("d2d2d2d2-0000-4000-8000-000000000002");
    static final UUID TEST = UUID.fromString("e1e1e1e1-0000-4000-8000-000000000003");
    static final String NATO_OFFICER = "https://idp.nato.test/realms/nato|officer-1";
    static final String RUSSIA_OFFICER = "https://idp.russia.test/realms/russia|officer-2";
    static final ReportingRound ROUND = ReportingRound.parse("2026-H2");

    @InjectSoftAssertions
    SoftAssertions soft;

    final CapturingOutbox outbox = new CapturingOutbox();
    final TransparencyEventPublisher events = new TransparencyEventPublisher(outbox);

    static final Actor NATO_ACTOR = new Actor(NATO, NATO_OFFICER);
    static final Actor RUSSIA_ACTOR = new Actor(RUSSIA, RUSSIA_OFFICER);
    static final Actor SYSTEM = new Actor(null, Actor.SYSTEM);
    static final ToleranceTable TOLERANCES = ToleranceTable.defaults();

    static TestAnnouncement announcement() {
        return new TestAnnouncement(START, END, LatLon.of(54.48, 17.10), "Type B", Area.circle(54.5, 17.0, 20),
                Area.polygon(LatLon.of(56, 18), LatLon.of(57, 19), LatLon.of(56, 20)));
    }

    static InterceptorTest.Announced announced(int minNoticeDays) {
        return InterceptorTest.announce(TEST, NATO, announcement(), T0, minNoticeDays, true);
    }

    @Test
    void aDisclosureSubmittedAndThenRevised() {
        Disclosure v1 = Disclosure.firstDraft(V1, NATO, ROUND, Fixtures.inventory(), T0);
        Instant now = T0.plusSeconds(60);
        events.publish(v1.submit(now, null, true), AGREEMENT, NATO_ACTOR, now);
        expect("transparency.disclosure-submitted");

        Instant later = T0.plusSeconds(86_400);
        Disclosure v2 = Disclosure.revise(V2, v1, new InventoryContent(List.of(Fixtures.component("Site Alpha", 36))),
                LocalDate.of(2026, 9, 1), later);
        now = later.plusSeconds(10);
        events.publish(v2.submit(now, v1, true), AGREEMENT, NATO_ACTOR, now);
        expect("transparency.disclosure-submitted--revision", "transparency.disclosure-superseded");
    }

    @Test
    void anInterceptorTestAnnouncedAcceptedRecordedAndObserved() {
        InterceptorTest.Announced announced = announced(InterceptorTest.DEFAULT_MIN_NOTICE_DAYS);
        InterceptorTest t = announced.test();
        events.publish(announced.event(), AGREEMENT, NATO_ACTOR, T0);
        expect("transparency.test-announced");

        Instant now = T0.plusSeconds(3600);
        events.publish(t.accept(RUSSIA, List.of(" Observer One ", "Observer Two"), now), AGREEMENT, RUSSIA_ACTOR,
                now);
        expect("transparency.test-accepted");

        now = END.plusSeconds(60);
        Measurements declared = new Measurements(250.0, 400.0, 4.5, 300.0, 0.5);
        events.publish(t.recordResults(NATO, declared, now), AGREEMENT, NATO_ACTOR, now);
        expect("transparency.test-results-recorded");

        now = now.plusSeconds(60);
        Measurements observed = new Measurements(251.0, 430.0, 4.5, null, null);
        events.publish(t.recordObservation(RUSSIA, " Observer One ", observed, TOLERANCES, now), AGREEMENT,
                RUSSIA_ACTOR, now);
        expect("transparency.test-observed");
    }

    @Test
    void anInterceptorTestObservedBeforeTheResultsAreDeclared() {
        InterceptorTest t = announced(InterceptorTest.DEFAULT_MIN_NOTICE_DAYS).test();
        t.accept(RUSSIA, List.of("Observer One"), T0.plusSeconds(60));
        Instant now = START.plusSeconds(60);
        Measurements observed = new Measurements(251.0, null, null, null, 0.0);
        events.publish(t.recordObservation(RUSSIA, "Observer One", observed, TOLERANCES, now), AGREEMENT,
                RUSSIA_ACTOR, now);
        expect("transparency.test-observed--before-results");
    }

    @Test
    void anInterceptorTestDeclinedOrCancelled() {
        InterceptorTest declined = announced(45).test(); // less notice than asked for: late
        Instant now = T0.plusSeconds(600);
        events.publish(declined.decline(RUSSIA, "no observers available", now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("transparency.test-declined");

        InterceptorTest withoutReason = announced(30).test();
        events.publish(withoutReason.decline(RUSSIA, null, now), AGREEMENT, RUSSIA_ACTOR, now);
        expect("transparency.test-declined--without-reason");

        InterceptorTest cancelled = announced(30).test();
        events.publish(cancelled.cancel(NATO, null, now), AGREEMENT, NATO_ACTOR, now);
        expect("transparency.test-cancelled");

        InterceptorTest ended = announced(30).test();
        ended.accept(RUSSIA, List.of("Observer One"), now);
        events.publish(ended.cancelBecauseAgreementEnded(now.plusSeconds(60)).orElseThrow(), AGREEMENT, SYSTEM,
                now.plusSeconds(60));
        expect("transparency.test-cancelled--agreement-ended");

        InterceptorTest noAgreement = announced(30).test();
        events.publish(noAgreement.cancel(NATO, "range closed", now), null, NATO_ACTOR, now);
        expect("transparency.test-cancelled--not-in-force");
    }

    // ------------------------------------------------------------------ plumbing

    static final UUID FIXED_EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000000");

    /** The outbox messages written since the last call, each compared with its file (in this order). */
    private void expect(String... names) {
        soft.assertThat(outbox.messages).as("outbox messages").hasSize(names.length);
        for (int i = 0; i < Math.min(names.length, outbox.messages.size()); i++) {
            Message m = outbox.messages.get(i);
            soft.assertThat(m.topic()).isEqualTo("transparency.events");
            String actual = EventSerde.toJson(withFixedId(m.envelope()));
            write(Path.of("target", "event-json", names[i] + ".json"), actual);
            Path golden = Path.of("src", "test", "resources", "event-json", names[i] + ".json");
            soft.assertThat(golden).as("captured wire format of " + names[i]).exists();
            if (Files.exists(golden)) {
                soft.assertThat(actual).as(names[i]).isEqualTo(read(golden).strip());
            }
        }
        outbox.messages.clear();
    }

    private static EventEnvelope withFixedId(EventEnvelope e) {
        return new EventEnvelope(FIXED_EVENT_ID, e.type(), e.version(), e.occurredAt(), e.producer(), e.party(),
                e.actor(), e.agreementId(), e.subjectId(), e.payload());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String json) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Message(String topic, EventEnvelope envelope) {
    }

    /** The outbox without a database: keeps what would have been written. */
    static final class CapturingOutbox extends Outbox {
        final List<Message> messages = new ArrayList<>();

        CapturingOutbox() {
            super(null, null);
        }

        @Override
        public void publish(String topic, EventEnvelope event) {
            messages.add(new Message(topic, event));
        }
    }
}
