package org.mdcoop.transparency.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.transparency.domain.TransparencyEvent;
import org.mdcoop.transparency.domain.observation.Comparison;
import org.mdcoop.transparency.domain.observation.InterceptorTest;
import org.mdcoop.transparency.domain.observation.Measurements;
import org.mdcoop.transparency.domain.observation.TestAnnouncement;
import org.mdcoop.transparency.domain.observation.TestState;
import org.mdcoop.transparency.domain.observation.ToleranceTable;
import org.mdcoop.transparency.messaging.TransparencyEventPublisher;
import org.mdcoop.transparency.persistence.InterceptorTestRow;

/**
 * Interceptor-test use cases, one transaction each. Every exchange (announce, accept, decline, results,
 * observations) needs an agreement covering TRANSPARENCY in force; a test is a joint record of its host and guest
 * and both always read it.
 */
@ApplicationScoped
public class InterceptorTestService {

    /** Declared vs observed per observer, with the tolerances applied. */
    public record ComparisonView(UUID testId, TestState state, String toleranceRule, ToleranceTable tolerances,
            List<Comparison> comparisons, int discrepancyCount) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Transparency transparency;
    private final TransparencyEventPublisher events;
    private final TransparencyConfig config;
    private final ToleranceTable tolerances = ToleranceTable.defaults();
    /** The service itself, when the end of the agreement cancels a test. */
    private static final Actor SYSTEM = new Actor(null, Actor.SYSTEM);

    public InterceptorTestService(EntityManager em, Clock clock, Transparency transparency,
            TransparencyEventPublisher events, TransparencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.transparency = transparency;
        this.events = events;
        this.config = config;
    }

    @Transactional
    public List<TestView> list(Party reader, TestState state) {
        String jpql = "from InterceptorTestRow" + (state == null ? "" : " where state = :state") + ORDER;
        var q = em.createQuery(jpql, InterceptorTestRow.class);
        if (state != null) {
            q.setParameter("state", state.name());
        }
        return q.getResultStream().map(row -> TestView.of(row.toDomain(), reader, row.version)).toList();
    }

    /**
     * {@link #list} by pages of {@code limit} in the same order, after {@code cursor} (null: the first page). Every
     * test is a joint record both parties read, so there is nothing to hide.
     */
    @Transactional
    public Page<TestView> page(Party reader, TestState state, int limit, String cursor) {
        SortKey after = Paging.after(cursor, 2, parts -> new SortKey(Instant.parse(parts[0]), UUID.fromString(parts[1])));
        String jpql = "from InterceptorTestRow where 1 = 1" + (state == null ? "" : " and state = :state")
                + (after == null ? "" : " and (windowStart < :afterStart or (windowStart = :afterStart and id < :afterId))")
                + ORDER;
        var q = em.createQuery(jpql, InterceptorTestRow.class).setMaxResults(limit + 1);
        if (state != null) {
            q.setParameter("state", state.name());
        }
        if (after != null) {
            q.setParameter("afterStart", after.windowStart()).setParameter("afterId", after.id());
        }
        return Paging.of(q.getResultList(), limit, row -> Paging.cursor(row.windowStart, row.id),
                row -> TestView.of(row.toDomain(), reader, row.version));
    }

    /** The list order: latest window first; the id (descending) orders tests of one window start, so it is total. */
    private static final String ORDER = " order by windowStart desc, id desc";

    /** A row's place in {@link #ORDER}, as a cursor carries it. */
    private record SortKey(Instant windowStart, UUID id) {
    }

    @Transactional
    public TestView get(Party reader, UUID id) {
        InterceptorTestRow row = row(id);
        return TestView.of(row.toDomain(), reader, row.version);
    }

    @Transactional
    public ComparisonView comparison(UUID id) {
        InterceptorTest t = row(id).toDomain();
        List<Comparison> comparisons = t.compare(tolerances);
        return new ComparisonView(id, t.state(),
                "|observed - declared| <= max(absolute, relative x |declared|) per quantity", tolerances,
                comparisons, comparisons.stream().mapToInt(c -> c.discrepancies().size()).sum());
    }

    @Transactional
    public TestView announce(Actor actor, TestAnnouncement announcement) {
        UUID agreementId = transparency.requireInForce("announce an interceptor test").agreementId;
        Instant now = clock.instant();
        InterceptorTest.Announced announced = InterceptorTest.announce(UUID.randomUUID(), actor.party(),
                announcement, now, config.minNoticeDays(), true);
        InterceptorTest t = announced.test();
        InterceptorTestRow row = new InterceptorTestRow().write(t, now);
        em.persist(row);
        events.publish(announced.event(), agreementId, actor, now);
        em.flush();
        return TestView.of(t, actor.party(), row.version);
    }

    @Transactional
    public TestView accept(Actor actor, UUID id, List<String> observers) {
        return command(actor, id, "accept the invitation", (t, now) -> t.accept(actor.party(), observers, now));
    }

    @Transactional
    public TestView decline(Actor actor, UUID id, String reason) {
        return command(actor, id, "decline the invitation", (t, now) -> t.decline(actor.party(), reason, now));
    }

    @Transactional
    public TestView cancel(Actor actor, UUID id, String reason) {
        InterceptorTestRow row = row(id);
        InterceptorTest t = row.toDomain();
        Instant now = clock.instant();
        TransparencyEvent cancelled = t.cancel(actor.party(), reason, now);
        row.write(t, now);
        events.publish(cancelled, transparency.agreementInForce().orElse(null), actor, now);
        em.flush();
        return TestView.of(t, actor.party(), row.version);
    }

    @Transactional
    public TestView recordResults(Actor actor, UUID id, Measurements results) {
        return command(actor, id, "record test results", (t, now) -> t.recordResults(actor.party(), results, now));
    }

    @Transactional
    public TestView recordObservation(Actor actor, UUID id, String observer, Measurements measurements) {
        return command(actor, id, "record an observation",
                (t, now) -> t.recordObservation(actor.party(), observer, measurements, tolerances, now));
    }

    /**
     * The agreement ended: cancels every pending invitation (announced, or accepted with the window not over).
     * Runs inside the transaction that records the end.
     *
     * @return how many tests were cancelled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPendingBecauseCooperationStopped(UUID agreementId, String reason) {
        Instant now = clock.instant();
        List<InterceptorTestRow> pending = em.createQuery(
                "from InterceptorTestRow where state in ('ANNOUNCED', 'ACCEPTED') order by windowStart",
                InterceptorTestRow.class).getResultList();
        int cancelled = 0;
        for (InterceptorTestRow row : pending) {
            InterceptorTest t = row.toDomain();
            Optional<TransparencyEvent.TestCancelled> event = t.cancelBecauseCooperationStopped(reason, now);
            if (event.isPresent()) {
                row.write(t, now);
                events.publish(event.get(), agreementId, SYSTEM, now);
                cancelled++;
            }
        }
        return cancelled;
    }

    // ------------------------------------------------------------------ plumbing

    /** A domain command on a loaded test; returns the event it caused. */
    private interface Command {
        TransparencyEvent apply(InterceptorTest test, Instant now);
    }

    private TestView command(Actor actor, UUID id, String action, Command command) {
        InterceptorTestRow row = row(id);
        InterceptorTest t = row.toDomain();
        UUID agreementId = transparency.requireInForce(action).agreementId;
        Instant now = clock.instant();
        TransparencyEvent event = command.apply(t, now);
        row.write(t, now);
        events.publish(event, agreementId, actor, now);
        em.flush();
        return TestView.of(t, actor.party(), row.version);
    }

    private InterceptorTestRow row(UUID id) {
        InterceptorTestRow row = em.find(InterceptorTestRow.class, id);
        if (row == null) {
            throw new NotFound("Interceptor test " + id + " not found");
        }
        return row;
    }
}
