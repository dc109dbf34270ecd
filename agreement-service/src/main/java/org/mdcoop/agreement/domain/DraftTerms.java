package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What the proposer writes in a draft. {@code termMonths == null} means the default ({@value Agreement#DEFAULT_TERM_MONTHS});
 * {@code effectiveAt == null} means "effective at acceptance"; {@code reservation} is the proposer's own reservation text
 * (nullable); {@code noticeMonths} is the notice a withdrawal from permanence gives, a term of the agreement
 * ({@code null}: {@value Agreement#DEFAULT_NOTICE_MONTHS} months, 0 allowed). Validated by {@link Agreement#createDraft}
 * / {@link Agreement#editDraft}.
 */
public record DraftTerms(Set<Element> elements, Integer termMonths, Instant effectiveAt, String reservation,
        Integer noticeMonths) {

    /** Terms with the default notice period. */
    public DraftTerms(Set<Element> elements, Integer termMonths, Instant effectiveAt, String reservation) {
        this(elements, termMonths, effectiveAt, reservation, null);
    }

    public static DraftTerms of(Set<Element> elements) {
        return new DraftTerms(elements, null, null, null);
    }

    public DraftTerms withTermMonths(Integer months) {
        return new DraftTerms(elements, months, effectiveAt, reservation, noticeMonths);
    }

    public DraftTerms withEffectiveAt(Instant at) {
        return new DraftTerms(elements, termMonths, at, reservation, noticeMonths);
    }

    public DraftTerms withReservation(String text) {
        return new DraftTerms(elements, termMonths, effectiveAt, text, noticeMonths);
    }

    public DraftTerms withNoticeMonths(Integer months) {
        return new DraftTerms(elements, termMonths, effectiveAt, reservation, months);
    }
}
