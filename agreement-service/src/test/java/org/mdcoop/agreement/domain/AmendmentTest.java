package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.Fixtures.LATER;
import static org.mdcoop.agreement.domain.Fixtures.T0;
import static org.mdcoop.agreement.domain.Fixtures.T0_EXPIRY;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

class AmendmentTest {

    private static final Instant T1 = LATER;
    private static final Instant T2 = LATER.plus(Duration.ofDays(1));

    private static Amendment propose(Agreement agreement, Party by) {
        return Amendment.propose(UUID.randomUUID(), agreement, by, T1, "Shared early-warning display",
                "Both centres display the fused picture on a common screen.").amendment();
    }

    private static void assertRule(Runnable command, String slug) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(slug));
    }

    @Test
    void proposingCountsAsTheProposersEndorsement() {
        Agreement agreement = Fixtures.provisional();
        UUID id = UUID.randomUUID();
        Amendment.Proposal p = Amendment.propose(id, agreement, RUSSIA, T1, "  Joint hotline ", "Text");
        Amendment a = p.amendment();
        assertThat(p.event()).isEqualTo(new AmendmentEvent.Proposed(id, agreement.getId(), RUSSIA, T1, "Joint hotline"));
        assertThat(p.event().subjectId()).isEqualTo(id);
        assertThat(a.getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
        assertThat(a.getProposedBy()).isEqualTo(RUSSIA);
        assertThat(a.getEndorsements()).containsOnlyKeys(RUSSIA);
        assertThat(a.getHistory()).containsExactly(new AmendmentHistoryEntry(T1, RUSSIA, "proposed", null));
        assertThat(a.allowedActions(RUSSIA)).containsExactly(AmendmentAction.REJECT);
        assertThat(a.allowedActions(NATO)).containsExactly(AmendmentAction.ENDORSE, AmendmentAction.REJECT);
    }

    @ParameterizedTest(name = "proposed by {0}")
    @EnumSource(Party.class)
    void amendmentIsAdoptedWhenTheOtherPartyEndorses(Party proposer) {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, proposer);
        List<AmendmentEvent> events = a.endorse(agreement, proposer.other(), T2);
        assertThat(events).containsExactly(
                new AmendmentEvent.Endorsed(a.getId(), agreement.getId(), proposer.other(), T2),
                new AmendmentEvent.Adopted(a.getId(), agreement.getId(), proposer.other(), T2, a.getTitle()));
        assertThat(events.get(1).type()).isEqualTo("amendment.adopted");
        assertThat(a.getStatus()).isEqualTo(AmendmentStatus.ADOPTED);
        assertThat(a.getDecidedAt()).isEqualTo(T2);
        assertThat(a.getHistory()).extracting(AmendmentHistoryEntry::action)
                .containsExactly("proposed", "endorsed", "adopted");
    }

    @Test
    void theProposerEndorsingAgainIsRefused() {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        assertThatThrownBy(() -> a.endorse(agreement, NATO, T2))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.rule()).isEqualTo("already-endorsed");
                    assertThat(e.getMessage()).contains("proposing counts as endorsing");
                });
        assertThat(a.getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
    }

    @ParameterizedTest(name = "rejected by {0}")
    @EnumSource(Party.class)
    void eitherPartyMayRejectWhileProposed(Party rejecter) {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        assertThat(a.reject(agreement, rejecter, T2, "not useful")).containsExactly(
                new AmendmentEvent.Rejected(a.getId(), agreement.getId(), rejecter, T2, "not useful"));
        assertThat(a.getStatus()).isEqualTo(AmendmentStatus.REJECTED);
        assertThat(a.getHistory()).last().isEqualTo(new AmendmentHistoryEntry(T2, rejecter, "rejected", "not useful"));
    }

    @ParameterizedTest
    @EnumSource(value = AmendmentStatus.class, names = {"ADOPTED", "REJECTED"})
    void nothingIsAllowedOnceAdoptedOrRejected(AmendmentStatus status) {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        if (status == AmendmentStatus.ADOPTED) {
            a.endorse(agreement, RUSSIA, T2);
        } else {
            a.reject(agreement, RUSSIA, T2, null);
        }
        for (Party p : Party.values()) {
            assertThat(a.allowedActions(p)).isEmpty();
            assertThatThrownBy(() -> a.endorse(agreement, p, T2)).isInstanceOfSatisfying(IllegalTransition.class,
                    e -> {
                        assertThat(e.currentState()).isEqualTo(status.name());
                        assertThat(e.allowedActions()).isEmpty();
                        assertThat(e.getMessage()).contains(status.name()).contains("endorse");
                    });
            assertThatThrownBy(() -> a.reject(agreement, p, T2, null)).isInstanceOf(IllegalTransition.class);
        }
    }

    @Test
    void proposingNeedsTheCooperationCentreElement() {
        Agreement agreement = Fixtures.provisional(DraftTerms.of(EnumSet.of(Element.TRANSPARENCY)));
        assertRule(() -> propose(agreement, NATO), "element-not-covered");
    }

    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"DRAFT", "PROPOSED", "REJECTED", "RETRACTED", "WITHDRAWN",
            "EXPIRED"})
    void proposingIsRefusedWhenTheAgreementIsNotInForce(AgreementStatus status) {
        Agreement agreement = Fixtures.in(status);
        assertRule(() -> propose(agreement, NATO), "agreement-not-in-force");
    }

    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"PROVISIONAL", "PERMANENT", "WITHDRAWAL_PENDING"})
    void proposingIsAllowedInEveryInForceState(AgreementStatus status) {
        assertThat(propose(Fixtures.in(status), RUSSIA).getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
    }

    @Test
    void proposingIsRefusedBeforeTheEffectiveDate() {
        Agreement agreement = Fixtures.draft(Fixtures.allElements().withEffectiveAt(T0.plus(Duration.ofDays(60))));
        agreement.submit(NATO, T0);
        agreement.accept(RUSSIA, T0);
        assertRule(() -> propose(agreement, NATO), "agreement-not-in-force");
    }

    @Test
    void endorsingAndRejectingAreRefusedOnceTheAgreementIsWithdrawnAndTheAmendmentStaysProposed() {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        agreement.withdraw(RUSSIA, T1, "walk away", Period.ofMonths(6));
        assertRule(() -> a.endorse(agreement, RUSSIA, T2), "agreement-not-in-force");
        assertRule(() -> a.reject(agreement, RUSSIA, T2, null), "agreement-not-in-force");
        assertThat(a.getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
        assertThat(a.getHistory()).hasSize(1);
    }

    @Test
    void endorsingIsRefusedAtExpiryEvenBeforeTheSchedulerRuns() {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        assertRule(() -> a.endorse(agreement, RUSSIA, T0_EXPIRY), "agreement-not-in-force");
        assertThat(a.endorse(agreement, RUSSIA, T0_EXPIRY.minusSeconds(1))).hasSize(2);
    }

    @Test
    void endorsingWithAnotherAgreementIsAProgrammingError() {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        assertThatThrownBy(() -> a.endorse(Fixtures.provisional(), RUSSIA, T2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "text"})
    void titleAndTextAreRequiredAndBounded(String field) {
        Agreement agreement = Fixtures.provisional();
        Supplier<Amendment.Proposal> blank = () -> Amendment.propose(UUID.randomUUID(), agreement, NATO, T1,
                field.equals("title") ? " " : "t", field.equals("text") ? null : "x");
        Supplier<Amendment.Proposal> tooLong = () -> Amendment.propose(UUID.randomUUID(), agreement, NATO, T1,
                field.equals("title") ? "t".repeat(201) : "t", field.equals("text") ? "x".repeat(10_001) : "x");
        assertThatThrownBy(blank::get).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
        assertThatThrownBy(tooLong::get).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
        assertThat(Amendment.propose(UUID.randomUUID(), agreement, NATO, T1, "t".repeat(200), "x".repeat(10_000))
                .amendment().getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
    }

    @Test
    void rehydratedAmendmentBehavesLikeTheOriginal() {
        Agreement agreement = Fixtures.provisional();
        Amendment a = propose(agreement, NATO);
        Amendment copy = Amendment.rehydrate(a.getId(), a.getAgreementId(), a.getProposedBy(), a.getTitle(),
                a.getText(), a.getStatus(), a.getEndorsements(), a.getHistory(), a.getProposedAt(), a.getDecidedAt(),
                a.getVersion());
        assertThat(copy.endorse(agreement, RUSSIA, T2)).hasSize(2);
        assertThat(copy.getStatus()).isEqualTo(AmendmentStatus.ADOPTED);
    }
}
