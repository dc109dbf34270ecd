package org.mdcoop.agreement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AmendmentAction;
import org.mdcoop.agreement.domain.AmendmentChange;
import org.mdcoop.agreement.domain.AmendmentType;
import org.mdcoop.agreement.domain.DomainEvent;
import org.mdcoop.agreement.domain.Element;
import org.mdcoop.agreement.domain.AgreementEvent;
import org.mdcoop.agreement.domain.AmendmentEvent;
import org.mdcoop.agreement.domain.AmendmentHistoryEntry;
import org.mdcoop.agreement.domain.AmendmentStatus;
import org.mdcoop.agreement.domain.Amendment;
import org.mdcoop.agreement.messaging.AgreementEventPublisher;
import org.mdcoop.agreement.persistence.AgreementRow;
import org.mdcoop.agreement.persistence.AmendmentRow;
import org.mdcoop.common.persistence.StateJson;
import org.mdcoop.agreement.service.AgreementService.Actor;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;

import jakarta.persistence.LockModeType;

/** Cooperation-centre use cases: amendments proposed by one party, adopted when both endorse. */
@ApplicationScoped
public class AmendmentService {

    /** Stored state of an amendment (the aggregate has no snapshot type of its own). */
    /**
     * Stored state of an amendment (the aggregate has no snapshot type of its own). {@code type}, {@code element},
     * {@code noticeMonths} and {@code effect} are absent from amendments stored before typed ones: TEXT.
     */
    public record AmendmentState(UUID id, UUID agreementId, Party proposedBy, String title, String text,
            AmendmentStatus status, Map<Party, Instant> endorsements, List<AmendmentHistoryEntry> history,
            Instant proposedAt, Instant decidedAt, AmendmentType type, Element element, Integer noticeMonths,
            String effect) {

        static AmendmentState of(Amendment a) {
            return new AmendmentState(a.getId(), a.getAgreementId(), a.getProposedBy(), a.getTitle(), a.getText(),
                    a.getStatus(), a.getEndorsements(), a.getHistory(), a.getProposedAt(), a.getDecidedAt(),
                    a.getChange().type(), a.getChange().element(), a.getChange().noticeMonths(), a.getEffect());
        }

        Amendment toAmendment(long version) {
            return Amendment.rehydrate(id, agreementId, proposedBy, title, text,
                    new AmendmentChange(type, element, noticeMonths), effect, status, endorsements, history,
                    proposedAt, decidedAt, version);
        }
    }

    /**
     * An amendment as the API shows it. {@code type} (TEXT unless typed), its parameter ({@code element} or
     * {@code noticeMonths}) and, once adopted, {@code effect}: what it changed in the agreement.
     */
    public record AmendmentView(UUID id, UUID agreementId, Party proposedBy, String title, String text,
            AmendmentStatus status, Map<Party, Instant> endorsements, List<AmendmentHistoryEntry> history,
            Instant proposedAt, Instant decidedAt, List<String> allowedActions, long version, AmendmentType type,
            Element element, Integer noticeMonths, String effect) {

        static AmendmentView of(Amendment a, Party viewer, long version) {
            return new AmendmentView(a.getId(), a.getAgreementId(), a.getProposedBy(), a.getTitle(), a.getText(),
                    a.getStatus(), a.getEndorsements(), a.getHistory(), a.getProposedAt(), a.getDecidedAt(),
                    a.allowedActions(viewer).stream().map(AmendmentAction::apiName).toList(), version,
                    a.getChange().type(), a.getChange().element(), a.getChange().noticeMonths(), a.getEffect());
        }
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final AgreementService agreements;
    private final AuditLog auditLog;
    private final AgreementEventPublisher publisher;

    public AmendmentService(EntityManager entityManager, Clock clock, AgreementService agreements, AuditLog auditLog,
            AgreementEventPublisher publisher) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.agreements = agreements;
        this.auditLog = auditLog;
        this.publisher = publisher;
    }

    @Transactional
    public List<AmendmentView> list(UUID agreementId, Party viewer) {
        agreements.visibleRow(agreementId, viewer, LockModeType.NONE);
        return entityManager.createQuery("from AmendmentRow where agreementId = :id order by createdAt",
                AmendmentRow.class)
                .setParameter("id", agreementId).getResultStream()
                .map(row -> AmendmentView.of(load(row), viewer, row.version)).toList();
    }

    @Transactional
    public AmendmentView get(UUID agreementId, UUID amendmentId, Party viewer) {
        agreements.visibleRow(agreementId, viewer, LockModeType.NONE);
        AmendmentRow row = row(agreementId, amendmentId);
        return AmendmentView.of(load(row), viewer, row.version);
    }

    @Transactional
    public AmendmentView propose(Actor actor, UUID agreementId, String title, String text) {
        return propose(actor, agreementId, title, text, AmendmentChange.TEXT);
    }

    @Transactional
    public AmendmentView propose(Actor actor, UUID agreementId, String title, String text, AmendmentChange change) {
        AgreementRow agreementRow = agreements.lockedRow(agreementId, actor.party());
        Agreement agreement = agreements.load(agreementRow);
        Instant now = clock.instant();
        Amendment.Proposal proposal = Amendment.propose(UUID.randomUUID(), agreement, actor.party(), now, title, text,
                change);
        AmendmentRow row = new AmendmentRow();
        row.id = proposal.amendment().getId();
        row.agreementId = agreementId;
        row.createdAt = now;
        write(row, proposal.amendment());
        entityManager.persist(row);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", title);
        payload.put("text", text);
        AmendmentChange c = proposal.amendment().getChange();
        if (c.type() != AmendmentType.TEXT) {
            // TEXT amendments keep the payload (and digest) they always had
            payload.put("type", c.type().name());
            payload.put("element", c.element() == null ? null : c.element().name());
            payload.put("noticeMonths", c.noticeMonths());
        }
        record(actor, agreementRow, agreement, List.of(proposal.event()), payload, now);
        entityManager.flush();
        return AmendmentView.of(proposal.amendment(), actor.party(), row.version);
    }

    @Transactional
    public AmendmentView endorse(Actor actor, UUID agreementId, UUID amendmentId) {
        return command(actor, agreementId, amendmentId, Map.of(),
                (amendment, agreement, now) -> amendment.endorseAndApply(agreement, actor.party(), now));
    }

    @Transactional
    public AmendmentView reject(Actor actor, UUID agreementId, UUID amendmentId, String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        return command(actor, agreementId, amendmentId, payload,
                (amendment, agreement, now) -> amendment.reject(agreement, actor.party(), now, reason));
    }

    interface Command {
        List<? extends DomainEvent> apply(Amendment amendment, Agreement agreement, Instant now);
    }

    private AmendmentView command(Actor actor, UUID agreementId, UUID amendmentId, Map<String, ?> payload,
            Command command) {
        AgreementRow agreementRow = agreements.lockedRow(agreementId, actor.party());
        Agreement agreement = agreements.load(agreementRow);
        AmendmentRow row = row(agreementId, amendmentId);
        Amendment amendment = load(row);
        Instant now = clock.instant();
        List<? extends DomainEvent> events = command.apply(amendment, agreement, now);
        write(row, amendment);
        record(actor, agreementRow, agreement, events, payload, now);
        entityManager.flush();
        return AmendmentView.of(amendment, actor.party(), row.version);
    }

    private void record(Actor actor, AgreementRow agreementRow, Agreement agreement,
            List<? extends DomainEvent> events, Map<String, ?> payload, Instant now) {
        for (DomainEvent event : events) {
            auditLog.append(actor.party(), actor.subject(), event.type(), agreement.getId(), payload);
        }
        if (events.stream().anyMatch(AgreementEvent.class::isInstance)) {
            // an adopted typed amendment changed the agreement: stored now, its status goes out as a new revision
            agreements.store(agreementRow, agreement, now);
        }
        // otherwise the agreement row is unchanged: its status goes out again with the same revision, which changes
        // nothing
        entityManager.flush();
        publisher.publish(agreementRow, agreement, events, actor.party(), actor.subject(), now);
    }

    private AmendmentRow row(UUID agreementId, UUID amendmentId) {
        AmendmentRow row = entityManager.find(AmendmentRow.class, amendmentId);
        if (row == null || !row.agreementId.equals(agreementId)) {
            throw new NotFound("amendment " + amendmentId + " not found");
        }
        return row;
    }

    private static Amendment load(AmendmentRow row) {
        return StateJson.read(row.state, AmendmentState.class).toAmendment(row.version);
    }

    private static void write(AmendmentRow row, Amendment amendment) {
        row.proposedBy = amendment.getProposedBy().name();
        row.status = amendment.getStatus().name();
        row.state = StateJson.write(AmendmentState.of(amendment));
    }
}
