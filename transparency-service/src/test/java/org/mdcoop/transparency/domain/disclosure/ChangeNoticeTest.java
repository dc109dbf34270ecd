package org.mdcoop.transparency.domain.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mdcoop.transparency.domain.disclosure.ChangeNotice.ChangeType.ADDED;
import static org.mdcoop.transparency.domain.disclosure.ChangeNotice.ChangeType.CHANGED;
import static org.mdcoop.transparency.domain.disclosure.ChangeNotice.ChangeType.REMOVED;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.transparency.domain.Fixtures;
import org.mdcoop.transparency.domain.disclosure.ChangeNotice.Change;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.Phase;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.PlannedSite;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent.Interceptor;
import org.mdcoop.transparency.domain.disclosure.InventoryContent.Component;

class ChangeNoticeTest {

    private static Component comp(String designation, int count, double lat, ComponentStatus status) {
        return new Component(ComponentType.LAUNCHER, designation, count, lat, 20.0, status);
    }

    @Test
    void identicalContentsHaveAnEmptyNotice() {
        assertThat(ChangeNotice.between(1, Fixtures.inventory(), 2, Fixtures.inventory()).hasNoChanges()).isTrue();
        assertThat(ChangeNotice.between(1, Fixtures.plan(), 2, Fixtures.plan()).hasNoChanges()).isTrue();
        assertThat(ChangeNotice.between(1, Fixtures.performance(), 2, Fixtures.performance()).hasNoChanges()).isTrue();
    }

    @Test
    void componentsAreMatchedByDesignationNotByPosition() {
        InventoryContent before = new InventoryContent(List.of(
                comp("A", 1, 50.0, ComponentStatus.OPERATIONAL), comp("B", 2, 51.0, ComponentStatus.OPERATIONAL)));
        InventoryContent reordered = new InventoryContent(List.of(
                comp("B", 2, 51.0, ComponentStatus.OPERATIONAL), comp("A", 1, 50.0, ComponentStatus.OPERATIONAL)));
        assertThat(ChangeNotice.between(1, before, 2, reordered).changes()).isEmpty();
    }

    @Test
    void listsChangedAddedAndRemovedComponentsFieldByField() {
        InventoryContent before = new InventoryContent(List.of(
                comp("A", 1, 50.0, ComponentStatus.UNDER_CONSTRUCTION),
                comp("B", 2, 51.0, ComponentStatus.OPERATIONAL)));
        InventoryContent after = new InventoryContent(List.of(
                comp("C", 4, 52.5, ComponentStatus.PLANNED),
                comp("A", 3, 50.25, ComponentStatus.OPERATIONAL)));
        assertThat(ChangeNotice.between(1, before, 2, after).changes()).containsExactly(
                new Change("components[designation=A].count", CHANGED, "1", "3"),
                new Change("components[designation=A].lat", CHANGED, "50", "50.25"),
                new Change("components[designation=A].status", CHANGED, "UNDER_CONSTRUCTION", "OPERATIONAL"),
                new Change("components[designation=B]", REMOVED,
                        "{type=LAUNCHER, count=2, lat=51, lon=20, status=OPERATIONAL}", null),
                new Change("components[designation=C]", ADDED, null,
                        "{type=LAUNCHER, count=4, lat=52.5, lon=20, status=PLANNED}"));
    }

    @Test
    void interceptorsAreMatchedByType() {
        InterceptorPerformanceContent before = InterceptorPerformanceContent.of(
                new Interceptor("Type A", 700.0, 500.0, 3.0));
        InterceptorPerformanceContent after = InterceptorPerformanceContent.of(
                new Interceptor("Type B", 2500.0, 1200.0, 4.5),
                new Interceptor("Type A", 700.0, 500.0, 3.2));
        assertThat(ChangeNotice.between(3, before, 4, after).changes()).containsExactly(
                new Change("interceptors[interceptorType=Type A].burnoutVelocityKmS", CHANGED, "3", "3.2"),
                new Change("interceptors[interceptorType=Type B]", ADDED, null,
                        "{maxRangeKm=2500, maxAltitudeKm=1200, burnoutVelocityKmS=4.5}"));
    }

    @Test
    void deploymentPlanPhasesByNameAndSitesByDesignation() {
        DeploymentPlanContent before = Fixtures.plan();
        DeploymentPlanContent after = new DeploymentPlanContent(List.of(
                new Phase("Phase 1", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 3, 31),
                        List.of(new PlannedSite("Site Alpha", 54.48, 17.10, 12))),
                new Phase("Phase 3", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), List.of())));
        assertThat(ChangeNotice.between(1, before, 2, after).changes()).containsExactly(
                new Change("phases[name=Phase 1].endDate", CHANGED, "2027-12-31", "2028-03-31"),
                new Change("phases[name=Phase 1].sites[designation=Site Alpha].count", CHANGED, "24", "12"),
                new Change("phases[name=Phase 2]", REMOVED, "2028-01-01..2029-06-30 sites=["
                        + "Site Alpha {lat=54.48, lon=17.1, count=24}, Site Delta {lat=44.1, lon=24.4, count=24}]",
                        null),
                new Change("phases[name=Phase 3]", ADDED, null, "2030-01-01..2030-12-31 sites=[]"));
    }

    @Test
    void addedAndRemovedSitesWithinAKeptPhase() {
        DeploymentPlanContent before = Fixtures.plan();
        DeploymentPlanContent after = new DeploymentPlanContent(List.of(before.phases().get(0),
                new Phase("Phase 2", LocalDate.of(2028, 1, 1), LocalDate.of(2029, 6, 30),
                        List.of(new PlannedSite("Site Echo", 45.0, 25.0, 8),
                                new PlannedSite("Site Alpha", 54.48, 17.10, 24)))));
        assertThat(ChangeNotice.between(1, before, 2, after).changes()).extracting(Change::path, Change::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("phases[name=Phase 2].sites[designation=Site Delta]",
                                REMOVED),
                        org.assertj.core.groups.Tuple.tuple("phases[name=Phase 2].sites[designation=Site Echo]",
                                ADDED));
    }

    @Test
    void integerAndDecimalRenderingIsStable() {
        InventoryContent before = new InventoryContent(List.of(comp("A", 1, 50.0, ComponentStatus.OPERATIONAL)));
        InventoryContent after = new InventoryContent(List.of(comp("A", 1, 50.000001, ComponentStatus.OPERATIONAL)));
        assertThat(ChangeNotice.between(1, before, 2, after).changes())
                .containsExactly(new Change("components[designation=A].lat", CHANGED, "50", "50.000001"));
    }

    @Test
    void differentKindsCannotBeCompared() {
        assertThatThrownBy(() -> ChangeNotice.between(1, Fixtures.plan(), 2, Fixtures.inventory()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
