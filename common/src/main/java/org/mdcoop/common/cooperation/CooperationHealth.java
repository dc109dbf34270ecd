package org.mdcoop.common.cooperation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Readiness shows what this service believes of the agreement ({@code IN_FORCE}, {@code SUSPENDED},
 * {@code NOT_IN_FORCE}) but stays UP: a suspended service must keep answering (503 problem+json, its reads, its
 * cooperation view) and must stay subscribed so it hears the heartbeat return. Taking it out of the Service would
 * turn a clear refusal into connection errors and gain nothing. See docs/decisions.md.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class CooperationHealth implements HealthCheck {

    private final CooperationView view;

    public CooperationHealth(CooperationView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cooperation").up();
        CooperationView.Cooperation overall = CooperationView.Cooperation.NOT_IN_FORCE;
        try {
            for (AgreementViewRow row : view.all()) {
                CooperationView.Cooperation state = view.stateOf(row);
                if (state == CooperationView.Cooperation.NOT_IN_FORCE) {
                    continue;
                }
                response.withData(row.agreementId.toString(), state.name() + " (revision " + row.revision
                        + ", last heard " + view.silence(row.agreementId) + " ago)");
                if (overall != CooperationView.Cooperation.SUSPENDED) {
                    overall = state;
                }
            }
        } catch (RuntimeException e) {
            // the datasource check reports the database; here only say that the belief is unknown
            response.withData("error", String.valueOf(e.getMessage()));
            overall = CooperationView.Cooperation.SUSPENDED;
        }
        return response.withData("state", overall.name()).build();
    }
}
