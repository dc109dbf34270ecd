package org.mdcoop.agreement.domain;

import java.time.Instant;
import java.util.Set;

/**
 * What the proposer writes in a draft. {@code termMonths == null} means the default ({@value Agreement#DEFAULT_TERM_MONTHS});
 * {@code effectiveAt == null} means "effective at acceptance"; {@code reservation} is the proposer's own reservation text
 * (nullable). Validated by {@link Agreement#createDraft} / {@link Agreement#editDraft}.
 */
public record DraftTerms(Set<Element> elements, Integer termMonths, Instant effectiveAt, String reservation) {

    public static DraftTerms of(Set<Element> elements) {
        return new DraftTerms(elements, null, null, null);
    }

    public DraftTerms withTermMonths(Integer months) {
        return new DraftTerms(elements, months, effectiveAt, reservation);
    }

    public DraftTerms withEffectiveAt(Instant at) {
        return new DraftTerms(elements, termMonths, at, reservation);
    }

    public DraftTerms withReservation(String text) {
        return new DraftTerms(elements, termMonths, effectiveAt, text);
    }
}
