package org.mdcoop.transparency.service;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.cooperation.AgreementViewRow;
import org.mdcoop.common.cooperation.CooperationView;

/**
 * Whether an agreement covering TRANSPARENCY is in force: a thin reading of common's {@link CooperationView} (the one
 * source of truth, kept current from the agreement-service's messages).
 */
@ApplicationScoped
public class Transparency {

    public static final String ELEMENT = "TRANSPARENCY";

    private final CooperationView view;

    public Transparency(CooperationView view) {
        this.view = view;
    }

    public boolean inForce() {
        return view.covers(ELEMENT);
    }

    /**
     * @throws org.mdcoop.common.domain.RuleViolation 409 {@code cooperation-not-in-force} naming the action
     * @throws org.mdcoop.common.domain.CooperationStatusUnknown 503 while the agreement-service is not heard of
     */
    public AgreementViewRow requireInForce(String action) {
        return view.requireInForce(ELEMENT, action);
    }

    public Optional<UUID> agreementInForce() {
        return view.inForceCovering(ELEMENT).map(row -> row.agreementId);
    }

    /**
     * The agreement the deadline clocks run on: the one in force covering TRANSPARENCY, else the most recent one that
     * covered it (ended now), else none.
     */
    public Optional<AgreementViewRow> current() {
        Optional<AgreementViewRow> inForce = view.inForceCovering(ELEMENT);
        if (inForce.isPresent()) {
            return inForce;
        }
        // the one whose status changed last: the agreement that just ended
        return view.all().stream()
                .filter(row -> row.elementList().contains(ELEMENT))
                .filter(row -> row.inForceSince != null || row.effectiveAt != null)
                .max(Comparator.comparing(row -> row.updatedAt));
    }
}
