package org.mdcoop.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Applies expiry and the end of withdrawal notices without human action. */
@ApplicationScoped
public class LifecycleScheduler {

    private final AgreementService agreements;

    public LifecycleScheduler(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Scheduled(every = "${mdcoop.agreement.lifecycle-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void applyDueTransitions() {
        try {
            int changed = agreements.applyDueTransitions();
            if (changed > 0) {
                Log.infof("applied %d time-driven agreement transition(s)", changed);
            }
        } catch (RuntimeException e) {
            // e.g. a concurrent command won the optimistic lock: the next pass sees the new state
            Log.warnf("time-driven transitions deferred: %s", e.getMessage());
        }
    }
}
