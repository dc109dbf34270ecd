package org.mdcoop.common.cooperation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.agreement.contract.AgreementStatusMessage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * What this service believes of each element, in {@code /q/metrics}: {@code mdcoop_cooperation_state{element,state}}
 * is 1 for the element's state ({@code IN_FORCE}, {@code SUSPENDED}: in force by the terms but the agreement-service
 * not heard of lately, so this service refuses to cooperate; {@code NOT_IN_FORCE}) and 0 for the other two, so a
 * dashboard shows the three services' beliefs side by side and an alert sees a suspension without reading logs.
 * Set by {@link CooperationClock} after each evaluation of the terms; NaN while the view cannot be read.
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class CooperationGauges {

    private final CooperationView view;
    private final Clock clock;
    private final MultiGauge states;

    public CooperationGauges(CooperationView view, Clock clock, MeterRegistry registry) {
        this.view = view;
        this.clock = clock;
        this.states = MultiGauge.builder("mdcoop.cooperation.state")
                .description("1 for what this service believes of the element now (IN_FORCE, SUSPENDED, NOT_IN_FORCE)")
                .register(registry);
    }

    /** Reads the view and sets every element's state; returns the state per element, in ELEMENTS order. */
    public List<CooperationView.Cooperation> refresh() {
        List<AgreementViewRow> rows = view.all();
        Instant now = clock.instant();
        List<CooperationView.Cooperation> result = new ArrayList<>();
        List<MultiGauge.Row<?>> gauges = new ArrayList<>();
        for (String element : AgreementStatusMessage.ELEMENTS) {
            CooperationView.Cooperation state = stateOf(element, rows, now);
            result.add(state);
            for (CooperationView.Cooperation each : CooperationView.Cooperation.values()) {
                gauges.add(MultiGauge.Row.of(Tags.of("element", element, "state", each.name()),
                        each == state ? 1.0 : 0.0));
            }
        }
        states.register(gauges, true);
        return result;
    }

    /** The view cannot be read (e.g. the database is away): the belief is unknown, not "not in force". */
    public void unknown() {
        List<MultiGauge.Row<?>> gauges = new ArrayList<>();
        for (String element : AgreementStatusMessage.ELEMENTS) {
            for (CooperationView.Cooperation each : CooperationView.Cooperation.values()) {
                gauges.add(MultiGauge.Row.of(Tags.of("element", element, "state", each.name()), Double.NaN));
            }
        }
        states.register(gauges, true);
    }

    /** In force and current through any agreement beats suspended, which beats not in force. */
    private CooperationView.Cooperation stateOf(String element, List<AgreementViewRow> rows, Instant now) {
        CooperationView.Cooperation state = CooperationView.Cooperation.NOT_IN_FORCE;
        for (AgreementViewRow row : rows) {
            if (!row.coversAt(element, now)) {
                continue;
            }
            if (view.isCurrent(row)) {
                return CooperationView.Cooperation.IN_FORCE;
            }
            state = CooperationView.Cooperation.SUSPENDED;
        }
        return state;
    }
}
