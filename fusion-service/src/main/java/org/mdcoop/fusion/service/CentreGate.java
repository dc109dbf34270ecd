package org.mdcoop.fusion.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.mdcoop.common.cooperation.AgreementViewRow;
import org.mdcoop.common.cooperation.CooperationChanged;
import org.mdcoop.common.cooperation.CooperationView;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Whether the centre operates: only while an agreement covering {@code DATA_FUSION_CENTRE} is in force. A cached flag
 * (read for every Kafka report and before every track message is sent), switched synchronously when common's
 * cooperation view records a start or end, and re-read from the view every few seconds as a safety net. While the
 * agreement-service is not heard of (cooperation suspended) the gate reads closed, so nothing is fused or published,
 * but the picture is kept: it opens again by itself when the heartbeat returns (a memory-only check per call).
 */
@ApplicationScoped
public class CentreGate {

    private final CooperationView cooperation;
    private final AtomicBoolean open = new AtomicBoolean(false);
    private volatile UUID agreementId;
    private volatile long revision;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();

    public CentreGate(CooperationView cooperation) {
        this.cooperation = cooperation;
    }

    public boolean isOpen() {
        UUID agreement = agreementId;
        return open.get() && agreement != null && cooperation.isCurrent(agreement, revision);
    }

    /** The agreement under which the centre currently operates (null while closed). */
    public UUID agreementId() {
        return agreementId;
    }

    public void whenClosed(Runnable action) {
        onClose.add(action);
    }

    /** Runs inside the transaction that records the change, so the centre stops at the same moment. */
    void onCooperationChanged(@Observes CooperationChanged change) {
        // the agreement ended, or the fusion centre alone was stopped or removed (issue 16) while the rest continues
        if (change.closes(IngestService.ELEMENT) && change.agreementId().equals(agreementId)) {
            set(false, null, change.ended() ? "agreement " + change.agreementId() + " ended (" + change.status() + ")"
                    : IngestService.ELEMENT + " stopped under agreement " + change.agreementId());
        }
        refresh("agreement " + change.agreementId() + " is now " + change.status());
    }

    @Scheduled(every = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodicRefresh() {
        refresh("periodic check");
    }

    public void refresh(String why) {
        AgreementViewRow row = cooperation.inForceCovering(IngestService.ELEMENT).orElse(null);
        if (row != null) {
            revision = row.revision;
        }
        set(row != null, row == null ? null : row.agreementId, why);
    }

    private void set(boolean nowOpen, UUID agreement, String why) {
        agreementId = agreement;
        boolean was = open.getAndSet(nowOpen);
        if (was && !nowOpen) {
            Log.warnf("fusion centre closed: %s; ingest refused, publishing stopped", why);
            onClose.forEach(Runnable::run);
        } else if (!was && nowOpen) {
            Log.infof("fusion centre open under agreement %s: %s", agreement, why);
        }
    }
}
