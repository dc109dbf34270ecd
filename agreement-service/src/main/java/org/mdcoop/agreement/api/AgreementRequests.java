package org.mdcoop.agreement.api;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AmendmentChange;
import org.mdcoop.agreement.domain.AmendmentType;
import org.mdcoop.agreement.domain.DraftTerms;
import org.mdcoop.agreement.domain.Element;

/** Request bodies of the agreement API. Server-owned fields (id, party, status, times, version) are never bound. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    /**
     * Terms of a draft; {@code termMonths} defaults to 48, {@code effectiveAt} to the moment of acceptance,
     * {@code noticeMonths} (the notice a withdrawal from permanence gives; 0 allowed) to 6.
     */
    public record DraftRequest(
            @NotEmpty Set<@NotNull Element> elements,
            @Min(Agreement.MIN_MONTHS) @Max(Agreement.MAX_MONTHS) Integer termMonths,
            Instant effectiveAt,
            @Size(max = Agreement.MAX_TEXT_LENGTH) String reservation,
            @Min(0) @Max(Agreement.MAX_MONTHS) Integer noticeMonths) {

        DraftTerms toTerms() {
            return new DraftTerms(elements, termMonths, effectiveAt, reservation, noticeMonths);
        }
    }

    public record ReasonRequest(@Size(max = Agreement.MAX_TEXT_LENGTH) String reason) {
    }

    public record ExtensionConsentRequest(
            @NotNull @Min(Agreement.MIN_MONTHS) @Max(Agreement.MAX_MONTHS) Integer months) {
    }

    public record ReservationRequest(@NotNull @Size(max = Agreement.MAX_TEXT_LENGTH) String text) {
    }

    /**
     * A cooperation-centre amendment. {@code type} defaults to TEXT (the wire format before typed amendments);
     * {@code element} goes with ADD_ELEMENT/REMOVE_ELEMENT, {@code noticeMonths} with CHANGE_NOTICE_PERIOD.
     */
    public record AmendmentRequest(
            @NotNull @Size(min = 1, max = 200) String title,
            @NotNull @Size(min = 1, max = 10_000) String text,
            AmendmentType type,
            Element element,
            Integer noticeMonths) {

        public AmendmentRequest(String title, String text) {
            this(title, text, null, null, null);
        }

        AmendmentChange toChange() {
            return new AmendmentChange(type, element, noticeMonths);
        }
    }
}
