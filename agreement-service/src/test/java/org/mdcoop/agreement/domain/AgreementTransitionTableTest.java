package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.AgreementAction.*;
import static org.mdcoop.agreement.domain.AgreementStatus.*;
import static org.mdcoop.agreement.domain.Fixtures.LATER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;

/**
 * Every state × action × party (proposer / other party). The table below lists the legal cells and where they lead;
 * every other cell must be refused with an IllegalTransition naming the state and the allowed actions.
 */
class AgreementTransitionTableTest {

    enum Role {
        PROPOSER, OTHER;

        Party party(Agreement a) {
            return this == PROPOSER ? a.getProposer() : a.getProposer().other();
        }
    }

    /** Expected outcome of a legal cell: the status after, or a rule slug for cells legal by state but refused by rule. */
    record Outcome(AgreementStatus after, String rule) {
        static Outcome to(AgreementStatus s) {
            return new Outcome(s, null);
        }

        static Outcome rule(String slug) {
            return new Outcome(null, slug);
        }
    }

    record Cell(AgreementStatus state, AgreementAction action, Role role) {
    }

    private static final Map<Cell, Outcome> LEGAL = Map.ofEntries(
            Map.entry(new Cell(DRAFT, EDIT_DRAFT, Role.PROPOSER), Outcome.to(DRAFT)),
            Map.entry(new Cell(DRAFT, SUBMIT, Role.PROPOSER), Outcome.to(PROPOSED)),
            Map.entry(new Cell(DRAFT, RECORD_RESERVATION, Role.PROPOSER), Outcome.to(DRAFT)),
            Map.entry(new Cell(PROPOSED, RETRACT, Role.PROPOSER), Outcome.to(RETRACTED)),
            Map.entry(new Cell(PROPOSED, ACCEPT, Role.OTHER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROPOSED, REJECT, Role.OTHER), Outcome.to(REJECTED)),
            Map.entry(new Cell(PROPOSED, RECORD_RESERVATION, Role.PROPOSER), Outcome.to(PROPOSED)),
            Map.entry(new Cell(PROPOSED, RECORD_RESERVATION, Role.OTHER), Outcome.to(PROPOSED)),
            Map.entry(new Cell(PROVISIONAL, WITHDRAW, Role.PROPOSER), Outcome.to(WITHDRAWN)),
            Map.entry(new Cell(PROVISIONAL, WITHDRAW, Role.OTHER), Outcome.to(WITHDRAWN)),
            Map.entry(new Cell(PROVISIONAL, CONSENT_EXTENSION, Role.PROPOSER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROVISIONAL, CONSENT_EXTENSION, Role.OTHER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROVISIONAL, CONSENT_PERMANENCE, Role.PROPOSER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROVISIONAL, CONSENT_PERMANENCE, Role.OTHER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROVISIONAL, REVOKE_EXTENSION, Role.PROPOSER), Outcome.rule("no-pending-consent")),
            Map.entry(new Cell(PROVISIONAL, REVOKE_EXTENSION, Role.OTHER), Outcome.rule("no-pending-consent")),
            Map.entry(new Cell(PROVISIONAL, REVOKE_PERMANENCE, Role.PROPOSER), Outcome.rule("no-pending-consent")),
            Map.entry(new Cell(PROVISIONAL, REVOKE_PERMANENCE, Role.OTHER), Outcome.rule("no-pending-consent")),
            Map.entry(new Cell(PROVISIONAL, RECORD_RESERVATION, Role.PROPOSER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PROVISIONAL, RECORD_RESERVATION, Role.OTHER), Outcome.to(PROVISIONAL)),
            Map.entry(new Cell(PERMANENT, WITHDRAW, Role.PROPOSER), Outcome.to(WITHDRAWAL_PENDING)),
            Map.entry(new Cell(PERMANENT, WITHDRAW, Role.OTHER), Outcome.to(WITHDRAWAL_PENDING)),
            Map.entry(new Cell(PERMANENT, RECORD_RESERVATION, Role.PROPOSER), Outcome.to(PERMANENT)),
            Map.entry(new Cell(PERMANENT, RECORD_RESERVATION, Role.OTHER), Outcome.to(PERMANENT)),
            Map.entry(new Cell(WITHDRAWAL_PENDING, RECORD_RESERVATION, Role.PROPOSER), Outcome.to(WITHDRAWAL_PENDING)),
            Map.entry(new Cell(WITHDRAWAL_PENDING, RECORD_RESERVATION, Role.OTHER), Outcome.to(WITHDRAWAL_PENDING)));

    static Stream<Arguments> legalCells() {
        return LEGAL.entrySet().stream()
                .map(e -> Arguments.of(e.getKey().state(), e.getKey().action(), e.getKey().role(), e.getValue()));
    }

    static Stream<Arguments> illegalCells() {
        List<Arguments> cells = new ArrayList<>();
        for (AgreementStatus s : AgreementStatus.values()) {
            for (AgreementAction a : AgreementAction.values()) {
                for (Role r : Role.values()) {
                    if (!LEGAL.containsKey(new Cell(s, a, r))) {
                        cells.add(Arguments.of(s, a, r));
                    }
                }
            }
        }
        return cells.stream();
    }

    static List<AgreementEvent> apply(Agreement a, AgreementAction action, Party actor) {
        return switch (action) {
            case EDIT_DRAFT -> a.editDraft(actor, LATER, Fixtures.allElements().withTermMonths(24));
            case SUBMIT -> a.submit(actor, LATER);
            case ACCEPT -> a.accept(actor, LATER);
            case REJECT -> a.reject(actor, LATER, "no");
            case RETRACT -> a.retract(actor, LATER, null);
            case WITHDRAW -> a.withdraw(actor, LATER, "we walk away", Agreement.DEFAULT_NOTICE_PERIOD);
            case CONSENT_EXTENSION -> a.consentToExtension(actor, LATER, 12);
            case REVOKE_EXTENSION -> a.revokeExtensionConsent(actor, LATER);
            case CONSENT_PERMANENCE -> a.consentToPermanence(actor, LATER);
            case REVOKE_PERMANENCE -> a.revokePermanenceConsent(actor, LATER);
            case RECORD_RESERVATION -> a.recordReservation(actor, LATER, "our reservation");
        };
    }

    @ParameterizedTest(name = "{0} × {1} by {2} → {3}")
    @MethodSource("legalCells")
    void legalTransitionIsApplied(AgreementStatus state, AgreementAction action, Role role, Outcome outcome) {
        Agreement a = Fixtures.in(state);
        Party actor = role.party(a);
        if (outcome.rule() != null) {
            // legal in this state, but refused by a consent rule; allowedActions already hides it
            assertThat(a.allowedActions(actor)).doesNotContain(action);
            AgreementSnapshot before = a.snapshot();
            assertThatThrownBy(() -> apply(a, action, actor))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(outcome.rule()));
            assertThat(a.snapshot()).isEqualTo(before);
            return;
        }
        assertThat(a.allowedActions(actor)).contains(action);
        List<AgreementEvent> events = apply(a, action, actor);
        assertThat(a.getStatus()).isEqualTo(outcome.after());
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.agreementId()).isEqualTo(a.getId());
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.at()).isEqualTo(LATER);
        });
    }

    @ParameterizedTest(name = "{0} × {1} by {2} is refused")
    @MethodSource("illegalCells")
    void illegalTransitionIsRefusedNamingStateAndAllowedActions(AgreementStatus state, AgreementAction action,
            Role role) {
        Agreement a = Fixtures.in(state);
        Party actor = role.party(a);
        AgreementSnapshot before = a.snapshot();
        List<String> allowed = a.allowedActions(actor).stream().map(AgreementAction::apiName).toList();
        assertThat(allowed).doesNotContain(action.apiName());

        assertThatThrownBy(() -> apply(a, action, actor))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.currentState()).isEqualTo(state.name());
                    assertThat(e.action()).isEqualTo(action.apiName());
                    assertThat(e.allowedActions()).isEqualTo(allowed);
                    assertThat(e.getMessage()).contains(state.name()).contains(action.apiName());
                    allowed.forEach(name -> assertThat(e.getMessage()).contains(name));
                });
        assertThat(a.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void terminalStatesAllowNothing(AgreementStatus state) {
        Agreement a = Fixtures.in(state);
        assertThat(a.getStatus()).isEqualTo(state);
        boolean terminal = EnumSet.of(REJECTED, RETRACTED, WITHDRAWN, EXPIRED).contains(state);
        assertThat(state.isTerminal()).isEqualTo(terminal);
        if (terminal) {
            assertThat(a.allowedActions(Party.NATO)).isEmpty();
            assertThat(a.allowedActions(Party.RUSSIA)).isEmpty();
        }
    }

    static Stream<AgreementStatus> statuses() {
        return Stream.of(AgreementStatus.values());
    }
}
