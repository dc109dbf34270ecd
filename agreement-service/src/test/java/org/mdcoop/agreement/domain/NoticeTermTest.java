package org.mdcoop.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.agreement.domain.Fixtures.T0;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;

/** The notice a withdrawal from permanence gives is a term of the agreement, proposed in the draft. */
class NoticeTermTest {

    private static Agreement permanentWithNotice(Integer months) {
        Agreement a = Agreement.createDraft(UUID.randomUUID(), NATO, T0,
                DraftTerms.of(EnumSet.of(Element.TRANSPARENCY)).withNoticeMonths(months)).agreement();
        a.submit(NATO, T0);
        a.accept(RUSSIA, T0);
        a.consentToPermanence(NATO, T0);
        a.consentToPermanence(RUSSIA, T0);
        return a;
    }

    @Test
    void withoutANoticeInTheDraftItIsSixMonths() {
        Agreement a = permanentWithNotice(null);
        Instant later = T0.plusSeconds(3600);

        a.withdraw(RUSSIA, later, "changed policy");

        assertThat(a.getNoticeMonths()).isEqualTo(6);
        assertThat(a.getNoticeEndsAt()).isEqualTo(Agreement.plusMonths(later, 6));
    }

    @Test
    void aNoticeOfZeroEndsCooperationAtTheNoticeItself() {
        Agreement a = permanentWithNotice(0);
        Instant later = T0.plusSeconds(3600);

        a.withdraw(RUSSIA, later, "walks away");

        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWAL_PENDING);
        assertThat(a.getNoticeEndsAt()).isEqualTo(later);
        assertThat(a.isInForceAt(later)).isFalse();
        assertThat(a.completeWithdrawalIfDue(later)).isPresent();
        assertThat(a.getStatus()).isEqualTo(AgreementStatus.WITHDRAWN);
    }

    @Test
    void theNoticeSurvivesStorage() {
        Agreement a = permanentWithNotice(3);

        assertThat(Agreement.rehydrate(a.snapshot()).getNoticeMonths()).isEqualTo(3);
    }

    @Test
    void aNoticeOutsideZeroToOneHundredTwentyMonthsIsRefusedByField() {
        for (int months : new int[] { -1, 121 }) {
            assertThatThrownBy(() -> Agreement.createDraft(UUID.randomUUID(), NATO, T0,
                    DraftTerms.of(EnumSet.of(Element.TRANSPARENCY)).withNoticeMonths(months)))
                    .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("noticeMonths"));
        }
    }
}
