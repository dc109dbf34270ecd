package org.mdcoop.common.cooperation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-evaluates the agreements' terms with the clock, so deferred starts and expiries need no message, and shows the
 * outcome in the metrics ({@link CooperationGauges}).
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class CooperationClock {

    private final CooperationView view;
    private final CooperationGauges gauges;

    public CooperationClock(CooperationView view, CooperationGauges gauges) {
        this.view = view;
        this.gauges = gauges;
    }

    @Scheduled(every = "${mdcoop.cooperation.evaluate-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reevaluate() {
        try {
            int flipped = view.reevaluate();
            if (flipped > 0) {
                Log.infof("%d agreement(s) came into or went out of force by their terms", flipped);
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next pass sees the same terms
            Log.warnf("agreement terms not re-evaluated: %s", e.getMessage());
        }
        try {
            gauges.refresh();
        } catch (RuntimeException e) {
            gauges.unknown();
        }
    }
}
