package org.mdcoop.transparency.domain;

import java.time.LocalDate;
import java.util.List;

import org.mdcoop.transparency.domain.disclosure.ComponentStatus;
import org.mdcoop.transparency.domain.disclosure.ComponentType;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.Phase;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.PlannedSite;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent.Interceptor;
import org.mdcoop.transparency.domain.disclosure.InventoryContent;
import org.mdcoop.transparency.domain.disclosure.InventoryContent.Component;

/** Valid sample contents for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Component component(String designation, int count) {
        return new Component(ComponentType.INTERCEPTOR_SITE, designation, count, 54.48, 17.10,
                ComponentStatus.OPERATIONAL);
    }

    public static InventoryContent inventory() {
        return new InventoryContent(List.of(
                component("Site Alpha", 24),
                new Component(ComponentType.RADAR, "Radar Bravo", 1, 38.3, 37.8, ComponentStatus.OPERATIONAL),
                new Component(ComponentType.COMMAND_CENTRE, "Command Charlie", 1, 49.4, 7.6,
                        ComponentStatus.UNDER_CONSTRUCTION)));
    }

    public static InterceptorPerformanceContent performance() {
        return InterceptorPerformanceContent.of(
                new Interceptor("Type A", 700.0, 500.0, 3.0),
                new Interceptor("Type B", 2500.0, 1200.0, 4.5));
    }

    public static DeploymentPlanContent plan() {
        return new DeploymentPlanContent(List.of(
                new Phase("Phase 1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                        List.of(new PlannedSite("Site Alpha", 54.48, 17.10, 24))),
                new Phase("Phase 2", LocalDate.of(2028, 1, 1), LocalDate.of(2029, 6, 30),
                        List.of(new PlannedSite("Site Alpha", 54.48, 17.10, 24),
                                new PlannedSite("Site Delta", 44.1, 24.4, 24)))));
    }
}
