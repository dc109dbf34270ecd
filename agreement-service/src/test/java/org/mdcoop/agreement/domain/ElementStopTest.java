package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.Fixtures.LATER;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;

/** Issue 16: one party stops one element alone; the others continue; the last one is a withdrawal. */
class ElementStopTest {

    private static final Instant T1 = LATER;
    private static final Instant T2 = LATER.plus(Duration.ofDays(1));

    private static void assertRule(Runnable command, String slug) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(slug));
    }

    @Test
    void eitherPartyStopsOneElementAloneAndTheOthersContinue() {
        Agreement a = Fixtures.provisional();
        List<AgreementEvent> events = a.stopElement(RUSSIA, T1, Element.JOINT_EXERCISES, "exercise too close");

        assertThat(events).containsExactly(new AgreementEvent.ElementStopped(a.getId(), RUSSIA, T1,
                Element.JOINT_EXERCISES, "exercise too close", EnumSet.of(Element.TRANSPARENCY,
                        Element.DATA_FUSION_CENTRE, Element.COOPERATION_CENTRE)));
        assertThat(events.get(0).type()).isEqualTo("agreement.element-stopped");
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.PROVISIONAL);
        assertThat(a.getElements()).doesNotContain(Element.JOINT_EXERCISES).hasSize(3);
        assertThat(a.getStoppedElements()).containsExactly(Element.JOINT_EXERCISES);
        assertThat(a.covers(Element.TRANSPARENCY, T1)).isTrue();
        assertThat(a.covers(Element.JOINT_EXERCISES, T1)).isFalse();
    }

    @Test
    void aStoppedElementSurvivesTheSnapshot() {
        Agreement a = Fixtures.permanent();
        a.stopElement(NATO, T1, Element.DATA_FUSION_CENTRE, "reason");
        Agreement again = Agreement.rehydrate(a.snapshot());
        assertThat(again.getStoppedElements()).containsExactly(Element.DATA_FUSION_CENTRE);
        assertThat(again.getElements()).doesNotContain(Element.DATA_FUSION_CENTRE);
    }

    @Test
    void stoppingTwiceIsAConflict() {
        Agreement a = Fixtures.provisional();
        a.stopElement(NATO, T1, Element.TRANSPARENCY, "reason");
        assertRule(() -> a.stopElement(RUSSIA, T2, Element.TRANSPARENCY, "again"), "element-already-stopped");
    }

    @Test
    void anElementNotCoveredCannotBeStopped() {
        Agreement a = Fixtures.provisional(DraftTerms.of(EnumSet.of(Element.TRANSPARENCY, Element.COOPERATION_CENTRE)));
        assertRule(() -> a.stopElement(NATO, T1, Element.JOINT_EXERCISES, "reason"), "element-not-covered");
    }

    @Test
    void onlyWhileInForce() {
        assertRule(() -> Fixtures.proposed().stopElement(NATO, T1, Element.TRANSPARENCY, "r"), "agreement-not-in-force");
        Agreement withdrawn = Fixtures.provisional();
        withdrawn.withdraw(NATO, T1, "done");
        assertRule(() -> withdrawn.stopElement(RUSSIA, T2, Element.TRANSPARENCY, "r"), "agreement-not-in-force");
    }

    @Test
    void aReasonIsRequiredAndAFailedStopChangesNothing() {
        Agreement a = Fixtures.provisional();
        assertThatThrownBy(() -> a.stopElement(NATO, T1, Element.TRANSPARENCY, " "))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> a.stopElement(NATO, T1, null, "r"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("element");
        assertThat(a.getStoppedElements()).isEmpty();
        assertThat(a.getElements()).hasSize(4);
    }

    @Test
    void stoppingTheLastRunningElementIsAWithdrawal() {
        Agreement a = Fixtures.provisional(DraftTerms.of(EnumSet.of(Element.TRANSPARENCY, Element.JOINT_EXERCISES)));
        a.stopElement(NATO, T1, Element.JOINT_EXERCISES, "first");
        List<AgreementEvent> events = a.stopElement(RUSSIA, T2, Element.TRANSPARENCY, "last");
        assertThat(events).singleElement().isInstanceOf(AgreementEvent.Withdrawn.class);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWN);
        assertThat(a.getWithdrawnBy()).isEqualTo(RUSSIA);
        assertThat(a.getWithdrawalReason()).isEqualTo("last");
    }

    @Test
    void fromPermanenceTheLastElementGivesNoticeAndDuringTheNoticeItCannotBeStoppedAgain() {
        Agreement a = Fixtures.permanent();
        a.stopElement(NATO, T1, Element.JOINT_EXERCISES, "r");
        a.stopElement(NATO, T1, Element.TRANSPARENCY, "r");
        a.stopElement(NATO, T1, Element.DATA_FUSION_CENTRE, "r");
        assertThat(a.stopElement(RUSSIA, T2, Element.COOPERATION_CENTRE, "r")).singleElement()
                .isInstanceOf(AgreementEvent.WithdrawalNoticed.class);
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWAL_PENDING);
        assertThatThrownBy(() -> a.stopElement(NATO, T2, Element.COOPERATION_CENTRE, "r"))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void reOpeningNeedsBothPartiesThroughAnAddElementAmendment() {
        Agreement a = Fixtures.provisional();
        a.stopElement(RUSSIA, T1, Element.JOINT_EXERCISES, "r");
        Amendment amendment = Amendment.propose(UUID.randomUUID(), a, RUSSIA, T1, "Exercises again", "Resume.",
                AmendmentChange.addElement(Element.JOINT_EXERCISES)).amendment();
        assertThat(a.getElements()).doesNotContain(Element.JOINT_EXERCISES);

        List<DomainEvent> events = amendment.endorseAndApply(a, NATO, T2);

        assertThat(events).extracting(DomainEvent::type).containsExactly("amendment.endorsed", "amendment.adopted",
                "agreement.element-added");
        assertThat(a.getElements()).contains(Element.JOINT_EXERCISES);
        assertThat(a.getStoppedElements()).isEmpty();
        assertThat(amendment.getEffect()).isEqualTo("JOINT_EXERCISES opened");
    }

    @Test
    void aStoppedCooperationCentreCanStillBeReOpened() {
        Agreement a = Fixtures.provisional();
        a.stopElement(NATO, T1, Element.COOPERATION_CENTRE, "r");
        assertRule(() -> Amendment.propose(UUID.randomUUID(), a, NATO, T1, "t", "x"), "element-not-covered");
        Amendment reopen = Amendment.propose(UUID.randomUUID(), a, NATO, T1, "Centre again", "Reopen.",
                AmendmentChange.addElement(Element.COOPERATION_CENTRE)).amendment();
        reopen.endorseAndApply(a, RUSSIA, T2);
        assertThat(a.getElements()).contains(Element.COOPERATION_CENTRE);
    }
}
