package org.mdcoop.agreement.domain;

import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/** Agreements in every state, proposed by NATO at {@link #T0}, with a 48-month term. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-15T09:00:00Z");
    /** Expiry of an agreement accepted at T0 with the default term. */
    static final Instant T0_EXPIRY = Instant.parse("2030-01-15T09:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofDays(30));

    private Fixtures() {
    }

    static DraftTerms allElements() {
        return DraftTerms.of(EnumSet.allOf(Element.class));
    }

    static Agreement draft() {
        return Agreement.createDraft(UUID.randomUUID(), NATO, T0, allElements()).agreement();
    }

    static Agreement draft(DraftTerms terms) {
        return Agreement.createDraft(UUID.randomUUID(), NATO, T0, terms).agreement();
    }

    static Agreement proposed() {
        Agreement a = draft();
        a.submit(NATO, T0);
        return a;
    }

    static Agreement provisional() {
        Agreement a = proposed();
        a.accept(RUSSIA, T0);
        return a;
    }

    static Agreement provisional(DraftTerms terms) {
        Agreement a = draft(terms);
        a.submit(NATO, T0);
        a.accept(RUSSIA, T0);
        return a;
    }

    static Agreement permanent() {
        Agreement a = provisional();
        a.consentToPermanence(NATO, T0);
        a.consentToPermanence(RUSSIA, T0);
        return a;
    }

    static Agreement withdrawalPending() {
        Agreement a = permanent();
        a.withdraw(RUSSIA, T0, "notice", Agreement.DEFAULT_NOTICE_PERIOD);
        return a;
    }

    static Agreement in(AgreementStatus status) {
        return switch (status) {
            case DRAFT -> draft();
            case PROPOSED -> proposed();
            case PROVISIONAL -> provisional();
            case PERMANENT -> permanent();
            case WITHDRAWAL_PENDING -> withdrawalPending();
            case REJECTED -> {
                Agreement a = proposed();
                a.reject(RUSSIA, T0, null);
                yield a;
            }
            case RETRACTED -> {
                Agreement a = proposed();
                a.retract(NATO, T0, null);
                yield a;
            }
            case WITHDRAWN -> {
                Agreement a = provisional();
                a.withdraw(NATO, T0, "walk away", Agreement.DEFAULT_NOTICE_PERIOD);
                yield a;
            }
            case EXPIRED -> {
                Agreement a = provisional();
                a.expireIfDue(a.getExpiresAt());
                yield a;
            }
        };
    }
}
