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
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;

/** Issue 16: typed amendments change the agreement when both endorse, and only then. */
class TypedAmendmentTest {

    private static final Instant T1 = LATER;
    private static final Instant T2 = LATER.plus(Duration.ofDays(1));

    private static Amendment propose(Agreement a, AmendmentChange change) {
        return Amendment.propose(UUID.randomUUID(), a, NATO, T1, "Title", "Text.", change).amendment();
    }

    private static void assertRule(Runnable command, String slug) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(slug));
    }

    private static void assertField(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.getMessage()).contains(field));
    }

    @Test
    void textIsTheDefaultAndChangesNothing() {
        Agreement a = Fixtures.provisional();
        Amendment amendment = Amendment.propose(UUID.randomUUID(), a, NATO, T1, "Title", "Text.").amendment();
        assertThat(amendment.getChange()).isEqualTo(AmendmentChange.TEXT);
        var before = a.snapshot();
        assertThat(amendment.endorseAndApply(a, RUSSIA, T2)).extracting(DomainEvent::type)
                .containsExactly("amendment.endorsed", "amendment.adopted");
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(amendment.getEffect()).isNull();
    }

    @Test
    void addElementOpensAnElementTheAgreementNeverCovered() {
        Agreement a = Fixtures.provisional(DraftTerms.of(EnumSet.of(Element.TRANSPARENCY, Element.COOPERATION_CENTRE)));
        Amendment amendment = propose(a, AmendmentChange.addElement(Element.DATA_FUSION_CENTRE));
        amendment.endorseAndApply(a, RUSSIA, T2);
        assertThat(a.getElements()).contains(Element.DATA_FUSION_CENTRE);
        assertThat(amendment.getStatus()).isEqualTo(AmendmentStatus.ADOPTED);
        assertThat(amendment.getHistory()).extracting(AmendmentHistoryEntry::action)
                .containsExactly("proposed", "endorsed", "adopted", "took-effect");
    }

    @Test
    void removeElementClosesItWhenBothEndorse() {
        Agreement a = Fixtures.provisional();
        Amendment amendment = propose(a, AmendmentChange.removeElement(Element.TRANSPARENCY));
        assertThat(a.getElements()).contains(Element.TRANSPARENCY);
        List<DomainEvent> events = amendment.endorseAndApply(a, RUSSIA, T2);
        assertThat(events.get(2)).isEqualTo(new AgreementEvent.ElementRemoved(a.getId(), RUSSIA, T2,
                amendment.getId(), Element.TRANSPARENCY, EnumSet.of(Element.JOINT_EXERCISES,
                        Element.DATA_FUSION_CENTRE, Element.COOPERATION_CENTRE)));
        assertThat(a.getElements()).doesNotContain(Element.TRANSPARENCY);
        assertThat(a.getStoppedElements()).isEmpty();
        assertThat(amendment.getEffect()).isEqualTo("TRANSPARENCY closed");
    }

    @Test
    void changeNoticePeriodSetsTheNotice() {
        Agreement a = Fixtures.permanent();
        Amendment amendment = propose(a, AmendmentChange.noticeMonths(2));
        List<DomainEvent> events = amendment.endorseAndApply(a, RUSSIA, T2);
        assertThat(events.get(2)).isEqualTo(new AgreementEvent.NoticePeriodChanged(a.getId(), RUSSIA, T2,
                amendment.getId(), 6, 2));
        assertThat(a.getNoticeMonths()).isEqualTo(2);
        assertThat(amendment.getEffect()).isEqualTo("notice period 6 -> 2 months");
    }

    @Test
    void theProposersEndorsementAloneChangesNothing() {
        Agreement a = Fixtures.provisional();
        var before = a.snapshot();
        Amendment amendment = propose(a, AmendmentChange.removeElement(Element.JOINT_EXERCISES));
        assertRule(() -> amendment.endorseAndApply(a, NATO, T2), "already-endorsed");
        assertThat(a.snapshot()).isEqualTo(before);
        assertThat(amendment.getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
    }

    @Test
    void theParameterIsValidatedAtProposal() {
        Agreement a = Fixtures.provisional();
        assertField(() -> propose(a, new AmendmentChange(AmendmentType.ADD_ELEMENT, null, null)), "element");
        assertField(() -> propose(a, new AmendmentChange(AmendmentType.CHANGE_NOTICE_PERIOD, null, null)),
                "noticeMonths");
        assertField(() -> propose(a, AmendmentChange.noticeMonths(121)), "noticeMonths");
        assertField(() -> propose(a, new AmendmentChange(AmendmentType.TEXT, Element.TRANSPARENCY, null)), "element");
        assertRule(() -> propose(a, AmendmentChange.addElement(Element.TRANSPARENCY)), "element-already-covered");
        assertRule(() -> propose(a, AmendmentChange.noticeMonths(6)), "notice-unchanged");
        Agreement two = Fixtures.provisional(DraftTerms.of(EnumSet.of(Element.COOPERATION_CENTRE)));
        assertRule(() -> propose(two, AmendmentChange.removeElement(Element.COOPERATION_CENTRE)), "last-element");
        assertRule(() -> propose(two, AmendmentChange.removeElement(Element.TRANSPARENCY)), "element-not-covered");
    }

    @Test
    void aChangeThatNoLongerAppliesIsRefusedAtAdoptionAndNothingChanges() {
        Agreement a = Fixtures.provisional();
        Amendment first = propose(a, AmendmentChange.removeElement(Element.TRANSPARENCY));
        Amendment second = propose(a, AmendmentChange.removeElement(Element.TRANSPARENCY));
        first.endorseAndApply(a, RUSSIA, T2);
        assertRule(() -> second.endorseAndApply(a, RUSSIA, T2), "element-not-covered");
        assertThat(second.getStatus()).isEqualTo(AmendmentStatus.PROPOSED);
        assertThat(second.getEndorsements()).containsOnlyKeys(NATO);
    }
}
