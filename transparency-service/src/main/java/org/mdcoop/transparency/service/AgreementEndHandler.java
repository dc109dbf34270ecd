package org.mdcoop.transparency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mdcoop.common.cooperation.CooperationChanged;
import org.mdcoop.transparency.domain.observation.InterceptorTest;

import io.quarkus.logging.Log;

/**
 * Stops the exchanges the moment the agreement covering TRANSPARENCY ends: pending test invitations are cancelled
 * in the same transaction that records the end (common fires {@link CooperationChanged} synchronously from its
 * idempotent consumer, so a redelivered event has no second effect). Submissions and announcements are refused from
 * then on by the in-force checks, and the counterpart's disclosures stop being readable by the reciprocity rule.
 */
@ApplicationScoped
public class AgreementEndHandler {

    private final InterceptorTestService tests;
    private final Transparency transparency;

    public AgreementEndHandler(InterceptorTestService tests, Transparency transparency) {
        this.tests = tests;
        this.transparency = transparency;
    }

    void on(@Observes CooperationChanged change) {
        // the agreement ended, or the transparency exchanges alone were stopped or removed (issue 16)
        if (!change.closes(Transparency.ELEMENT)) {
            return;
        }
        if (transparency.inForce()) {
            // another agreement covering TRANSPARENCY is (still) in force: nothing stops
            return;
        }
        String reason = change.ended() ? InterceptorTest.AGREEMENT_ENDED : InterceptorTest.TRANSPARENCY_STOPPED;
        int cancelled = tests.cancelPendingBecauseCooperationStopped(change.agreementId(), reason);
        Log.infof("agreement %s: %s (%s), %d pending interceptor-test invitation(s) cancelled", change.agreementId(),
                reason, change.status(), cancelled);
    }
}
