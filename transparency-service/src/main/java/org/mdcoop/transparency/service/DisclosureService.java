package org.mdcoop.transparency.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.transparency.domain.ReportingRound;
import org.mdcoop.transparency.domain.TransparencyEvent;
import org.mdcoop.transparency.domain.disclosure.Disclosure;
import org.mdcoop.transparency.domain.disclosure.DisclosureContent;
import org.mdcoop.transparency.domain.disclosure.DisclosureKind;
import org.mdcoop.transparency.domain.disclosure.DisclosureStatus;
import org.mdcoop.transparency.domain.disclosure.Reciprocity;
import org.mdcoop.transparency.domain.disclosure.Reciprocity.Access;
import org.mdcoop.transparency.domain.disclosure.Reciprocity.KindRound;
import org.mdcoop.transparency.messaging.TransparencyEventPublisher;
import org.mdcoop.transparency.persistence.DisclosureRow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Disclosure use cases, one transaction each. A party writes only its own disclosures; what it may read of the
 * other party's is decided by the domain's {@link Reciprocity} rule, with "in force" taken from common's cooperation
 * view. The other party's drafts are answered exactly like a missing id.
 */
@ApplicationScoped
public class DisclosureService {

    private final EntityManager em;
    private final Clock clock;
    private final Transparency transparency;
    private final TransparencyEventPublisher events;
    private final ContentParser parser;

    public DisclosureService(EntityManager em, Clock clock, Transparency transparency,
            TransparencyEventPublisher events, ContentParser parser) {
        this.em = em;
        this.clock = clock;
        this.transparency = transparency;
        this.events = events;
        this.parser = parser;
    }

    /** Optional list filters; null means "any". */
    public record Filter(DisclosureKind kind, ReportingRound round, Party party, DisclosureStatus status) {
    }

    // ------------------------------------------------------------------ reads

    @Transactional
    public List<DisclosureView> list(Party reader, Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = new StringBuilder("from DisclosureRow d where (d.party = :reader or d.status <> 'DRAFT')");
        parameters.put("reader", reader.name());
        narrow(jpql, parameters, filter);
        jpql.append(ORDER);
        Set<KindRound> readerSubmitted = submittedBy(reader);
        boolean inForce = transparency.inForce();
        List<DisclosureView> out = new ArrayList<>();
        for (DisclosureRow row : query(jpql, parameters).getResultList()) {
            Disclosure d = row.toDomain();
            Access access = Reciprocity.decide(reader, d, readerSubmitted, inForce);
            if (access.allowed()) {
                out.add(view(d, access, row.version));
            }
        }
        return out;
    }

    /**
     * {@link #list} by pages of {@code limit} in the same order, after {@code cursor} (null: the first page). The
     * reciprocity rule is part of the query, so the limit counts readable rows only: a page is never short for rows
     * the reader may not see, and never shows one. The rule is still applied to each row as in {@link #list}.
     */
    @Transactional
    public Page<DisclosureView> page(Party reader, Filter filter, int limit, String cursor) {
        SortKey after = Paging.after(cursor, 4, parts -> new SortKey(ReportingRound.parse(parts[0]).id(),
                DisclosureKind.valueOf(parts[1]).name(), Party.valueOf(parts[2]).name(), Integer.parseInt(parts[3])));
        boolean inForce = transparency.inForce();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("reader", reader.name());
        // Reciprocity.decide as a condition: own rows; of the other party's, while TRANSPARENCY is in force, the
        // submitted ones of a (kind, round) the reader has submitted too
        StringBuilder jpql = new StringBuilder("from DisclosureRow d where (d.party = :reader"
                + (inForce ? " or (d.status <> 'DRAFT' and exists (select o.id from DisclosureRow o where o.party = :reader"
                        + " and o.status <> 'DRAFT' and o.kind = d.kind and o.round = d.round))" : "")
                + ")");
        narrow(jpql, parameters, filter);
        if (after != null) {
            // after the cursor's row in the order round desc, kind, party, series version desc
            jpql.append(" and (d.round < :afterRound or (d.round = :afterRound and (d.kind > :afterKind"
                    + " or (d.kind = :afterKind and (d.party > :afterParty"
                    + " or (d.party = :afterParty and d.seriesVersion < :afterVersion))))))");
            parameters.put("afterRound", after.round());
            parameters.put("afterKind", after.kind());
            parameters.put("afterParty", after.party());
            parameters.put("afterVersion", after.seriesVersion());
        }
        jpql.append(ORDER);
        Set<KindRound> readerSubmitted = submittedBy(reader);
        List<DisclosureRow> rows = query(jpql, parameters).setMaxResults(limit + 1).getResultList().stream()
                .filter(row -> Reciprocity.decide(reader, row.toDomain(), readerSubmitted, inForce).allowed())
                .toList();
        return Paging.of(rows, limit,
                row -> Paging.cursor(row.round, row.kind, row.party, row.seriesVersion),
                row -> {
                    Disclosure d = row.toDomain();
                    return view(d, Reciprocity.decide(reader, d, readerSubmitted, inForce), row.version);
                });
    }

    /** The list order, total: (party, kind, round, series version) is unique. */
    private static final String ORDER = " order by d.round desc, d.kind, d.party, d.seriesVersion desc";

    /** A row's place in {@link #ORDER}, as a cursor carries it. */
    private record SortKey(String round, String kind, String party, int seriesVersion) {
    }

    private static void narrow(StringBuilder jpql, Map<String, Object> parameters, Filter filter) {
        if (filter.kind() != null) {
            jpql.append(" and d.kind = :kind");
            parameters.put("kind", filter.kind().name());
        }
        if (filter.round() != null) {
            jpql.append(" and d.round = :round");
            parameters.put("round", filter.round().id());
        }
        if (filter.party() != null) {
            jpql.append(" and d.party = :party");
            parameters.put("party", filter.party().name());
        }
        if (filter.status() != null) {
            jpql.append(" and d.status = :status");
            parameters.put("status", filter.status().name());
        }
    }

    private TypedQuery<DisclosureRow> query(CharSequence jpql, Map<String, Object> parameters) {
        TypedQuery<DisclosureRow> q = em.createQuery(jpql.toString(), DisclosureRow.class);
        parameters.forEach(q::setParameter);
        return q;
    }

    @Transactional
    public DisclosureView get(Party reader, UUID id) {
        DisclosureRow row = em.find(DisclosureRow.class, id);
        if (row == null) {
            throw notFound(id);
        }
        Disclosure d = row.toDomain();
        Access access = Reciprocity.decide(reader, d, submittedBy(reader), transparency.inForce());
        switch (access) {
            case OWN, RECIPROCAL -> {
                return view(d, access, row.version);
            }
            case HIDDEN -> throw notFound(id);
            case TRANSPARENCY_NOT_IN_FORCE -> throw new ReadRefused("transparency-not-in-force",
                    "No agreement covering TRANSPARENCY is in force: the other party's disclosures are not readable");
            case RECIPROCITY_NOT_MET -> throw new ReadRefused("reciprocity-not-met", "Your party has not submitted its "
                    + "own " + d.kind() + " disclosure for " + d.round().id()
                    + "; the other party's becomes readable once it has");
            default -> throw notFound(id);
        }
    }

    // ------------------------------------------------------------------ commands

    @Transactional
    public DisclosureView createDraft(Actor actor, DisclosureKind kind, ReportingRound round, JsonNode contentJson) {
        DisclosureContent content = parser.parse(kind, contentJson);
        List<DisclosureRow> series = series(actor.party(), kind, round);
        if (!series.isEmpty()) {
            DisclosureRow latest = series.get(0);
            throw new RuleViolation("series-exists", "Your party already has a " + kind + " disclosure for "
                    + round.id() + " (version " + latest.seriesVersion + ", " + latest.status + ", id " + latest.id
                    + "): edit its draft or revise the submitted version");
        }
        Disclosure d = Disclosure.firstDraft(UUID.randomUUID(), actor.party(), round, content, clock.instant());
        DisclosureRow row = new DisclosureRow().write(d);
        em.persist(row);
        em.flush();
        return view(d, Access.OWN, row.version);
    }

    @Transactional
    public DisclosureView editDraft(Actor actor, UUID id, JsonNode contentJson, LocalDate changeOccurredOn) {
        DisclosureRow row = ownRow(actor.party(), id);
        Disclosure d = row.toDomain();
        DisclosureContent content = parser.parse(d.kind(), contentJson);
        d.editDraft(content, changeOccurredOn, clock.instant());
        row.write(d);
        em.flush();
        return view(d, Access.OWN, row.version);
    }

    @Transactional
    public void discardDraft(Actor actor, UUID id) {
        DisclosureRow row = ownRow(actor.party(), id);
        row.toDomain().checkDiscardable();
        em.remove(row);
    }

    /** Starts the next version (a DRAFT) of the SUBMITTED version {@code id}, saying when the facts changed. */
    @Transactional
    public DisclosureView revise(Actor actor, UUID id, JsonNode contentJson, LocalDate changeOccurredOn) {
        DisclosureRow row = ownRow(actor.party(), id);
        Disclosure current = row.toDomain();
        DisclosureContent content = parser.parse(current.kind(), contentJson);
        series(actor.party(), current.kind(), current.round()).stream()
                .filter(r -> DisclosureStatus.DRAFT.name().equals(r.status))
                .findFirst()
                .ifPresent(draft -> {
                    throw new RuleViolation("draft-exists", "Version " + draft.seriesVersion + " (id " + draft.id
                            + ") is already being drafted; edit or discard it first");
                });
        Disclosure next = Disclosure.revise(UUID.randomUUID(), current, content, changeOccurredOn, clock.instant());
        DisclosureRow nextRow = new DisclosureRow().write(next);
        em.persist(nextRow);
        em.flush();
        return view(next, Access.OWN, nextRow.version);
    }

    /**
     * Submits a DRAFT; a revision supersedes the previous version and carries the change notice. Refused (409)
     * while no agreement covering TRANSPARENCY is in force.
     */
    @Transactional
    public DisclosureView submit(Actor actor, UUID id) {
        DisclosureRow row = ownRow(actor.party(), id);
        Disclosure d = row.toDomain();
        UUID agreementId = transparency.requireInForce("submit a disclosure").agreementId;
        DisclosureRow previousRow = null;
        Disclosure previous = null;
        if (d.version() > 1) {
            previousRow = series(actor.party(), d.kind(), d.round()).stream()
                    .filter(r -> r.seriesVersion == d.version() - 1)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("version " + (d.version() - 1) + " is missing"));
            previous = previousRow.toDomain();
        }
        Instant now = clock.instant();
        List<TransparencyEvent> submitted = d.submit(now, previous, true);
        if (previous != null) {
            // the superseded version leaves SUBMITTED first: at most one submitted version per series (unique index)
            previousRow.write(previous);
            em.flush();
        }
        row.write(d);
        events.publish(submitted, agreementId, actor, now);
        em.flush();
        return view(d, Access.OWN, row.version);
    }

    // ------------------------------------------------------------------ helpers

    /** The (kind, round) pairs the party has submitted (any version, SUBMITTED or SUPERSEDED). */
    Set<KindRound> submittedBy(Party party) {
        return em.createQuery("select distinct d.kind, d.round from DisclosureRow d "
                + "where d.party = :party and d.status <> 'DRAFT'", Object[].class)
                .setParameter("party", party.name())
                .getResultStream()
                .map(r -> new KindRound(DisclosureKind.valueOf((String) r[0]), ReportingRound.parse((String) r[1])))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The series' versions, latest first. */
    private List<DisclosureRow> series(Party party, DisclosureKind kind, ReportingRound round) {
        return em.createQuery("from DisclosureRow where party = :party and kind = :kind and round = :round "
                + "order by seriesVersion desc", DisclosureRow.class)
                .setParameter("party", party.name())
                .setParameter("kind", kind.name())
                .setParameter("round", round.id())
                .getResultList();
    }

    /** The caller's own row; any other party's (or a missing id) is the same 404. */
    private DisclosureRow ownRow(Party caller, UUID id) {
        DisclosureRow row = em.find(DisclosureRow.class, id);
        if (row == null || !row.party.equals(caller.name())) {
            throw notFound(id);
        }
        return row;
    }

    private DisclosureView view(Disclosure d, Access access, long lockVersion) {
        Disclosure previous = null;
        if (access == Access.OWN && d.status() == DisclosureStatus.DRAFT && d.version() > 1) {
            previous = series(d.party(), d.kind(), d.round()).stream()
                    .filter(r -> r.seriesVersion == d.version() - 1)
                    .findFirst().map(DisclosureRow::toDomain).orElse(null);
        }
        return DisclosureView.of(d, access, previous, lockVersion);
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("Disclosure " + id + " not found");
    }
}
