package org.mdcoop.transparency.domain.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.transparency.domain.Fixtures;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.Phase;
import org.mdcoop.transparency.domain.disclosure.DeploymentPlanContent.PlannedSite;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent.Interceptor;
import org.mdcoop.transparency.domain.disclosure.InventoryContent.Component;

class DisclosureContentValidationTest {

    private static List<String> fields(DisclosureContent c) {
        return c.validationErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void validSampleContentsHaveNoErrors() {
        assertThat(Fixtures.inventory().validationErrors()).isEmpty();
        assertThat(Fixtures.performance().validationErrors()).isEmpty();
        assertThat(Fixtures.plan().validationErrors()).isEmpty();
    }

    @Test
    void inventoryReportsEveryBadFieldWithItsIndexedPath() {
        InventoryContent c = new InventoryContent(List.of(
                Fixtures.component("Good", 1),
                Fixtures.component("Also good", 0),
                new Component(null, " ", -1, 90.5, -180.1, null)));
        assertThat(c.validationErrors()).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("components[2].type", "is required"),
                tuple("components[2].designation", "must not be blank"),
                tuple("components[2].count", "must be 0 or greater"),
                tuple("components[2].lat", "must be between -90 and 90"),
                tuple("components[2].lon", "must be between -180 and 180"),
                tuple("components[2].status", "is required"));
    }

    @Test
    void inventoryAcceptsBoundaryCoordinatesAndZeroCount() {
        InventoryContent c = new InventoryContent(List.of(new Component(ComponentType.LAUNCHER, "x".repeat(120), 0,
                -90.0, 180.0, ComponentStatus.PLANNED)));
        assertThat(c.validationErrors()).isEmpty();
    }

    @Test
    void inventoryRejectsOverlongAndDuplicateDesignationsAndMissingNumbers() {
        InventoryContent c = new InventoryContent(List.of(
                new Component(ComponentType.RADAR, "x".repeat(121), 1, 0.0, 0.0, ComponentStatus.INACTIVE),
                Fixtures.component("Same", 1),
                Fixtures.component(" Same ", 2),
                new Component(ComponentType.RADAR, "No numbers", null, null, Double.NaN, ComponentStatus.INACTIVE)));
        assertThat(c.validationErrors()).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("components[0].designation", "must be at most 120 characters"),
                tuple("components[2].designation", "duplicates another component's designation"),
                tuple("components[3].count", "is required"),
                tuple("components[3].lat", "is required"),
                tuple("components[3].lon", "must be a finite number"));
    }

    @Test
    void inventoryNeedsAComponentsListButMayBeEmpty() {
        assertThat(fields(new InventoryContent(null))).containsExactly("components");
        assertThat(fields(new InventoryContent(List.of()))).isEmpty();
        assertThat(fields(new InventoryContent(Arrays.asList(Fixtures.component("a", 1), null))))
                .containsExactly("components[1]");
    }

    @Test
    void interceptorPerformanceChecksLimits() {
        InterceptorPerformanceContent c = InterceptorPerformanceContent.of(
                new Interceptor("ok", 20_000.0, 5_000.0, 12.0),
                new Interceptor("", 0.0, 5_000.1, 12.01),
                new Interceptor("zero speed", 1.0, 1.0, 0.0),
                new Interceptor("ok", null, -1.0, null));
        assertThat(c.validationErrors()).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("interceptors[1].interceptorType", "must not be blank"),
                tuple("interceptors[1].maxRangeKm", "must be greater than 0 and at most 20000"),
                tuple("interceptors[1].maxAltitudeKm", "must be greater than 0 and at most 5000"),
                tuple("interceptors[1].burnoutVelocityKmS", "must be greater than 0 and at most 12"),
                tuple("interceptors[2].burnoutVelocityKmS", "must be greater than 0 and at most 12"),
                tuple("interceptors[3].interceptorType", "duplicates another entry's interceptor type"),
                tuple("interceptors[3].maxRangeKm", "is required"),
                tuple("interceptors[3].maxAltitudeKm", "must be greater than 0 and at most 5000"),
                tuple("interceptors[3].burnoutVelocityKmS", "is required"));
    }

    @Test
    void interceptorPerformanceNeedsAtLeastOneEntry() {
        assertThat(fields(new InterceptorPerformanceContent(List.of()))).containsExactly("interceptors");
        assertThat(fields(new InterceptorPerformanceContent(null))).containsExactly("interceptors");
    }

    @Test
    void deploymentPlanChecksDateOrderWithinAndAcrossPhases() {
        LocalDate d = LocalDate.of(2027, 1, 1);
        DeploymentPlanContent c = new DeploymentPlanContent(List.of(
                new Phase("P1", d, d, List.of(new PlannedSite("S", 1.0, 2.0, 0))),
                new Phase("P2", d.plusDays(10), d.plusDays(9), List.of()),
                new Phase("P3", d.plusDays(5), d.plusDays(20), List.of()),
                new Phase("P1", null, null, null)));
        assertThat(c.validationErrors()).extracting(FieldError::field, FieldError::message).containsExactly(
                tuple("phases[1].endDate", "must not be before startDate"),
                tuple("phases[2].startDate", "must not be before the previous phase's startDate (phases in order)"),
                tuple("phases[3].name", "duplicates another phase's name"),
                tuple("phases[3].startDate", "is required"),
                tuple("phases[3].endDate", "is required"),
                tuple("phases[3].sites", "is required"));
    }

    @Test
    void deploymentPlanReportsSiteErrorsWithNestedPaths() {
        LocalDate d = LocalDate.of(2027, 1, 1);
        List<PlannedSite> sites = new ArrayList<>();
        sites.add(new PlannedSite("S", 1.0, 2.0, 3));
        sites.add(new PlannedSite("S", 91.0, 2.0, -3));
        DeploymentPlanContent c = new DeploymentPlanContent(List.of(new Phase("P", d, d.plusDays(1), sites)));
        assertThat(fields(c)).containsExactly("phases[0].sites[1].designation", "phases[0].sites[1].lat",
                "phases[0].sites[1].count");
    }

    @Test
    void deploymentPlanNeedsAtLeastOnePhase() {
        assertThat(fields(new DeploymentPlanContent(List.of()))).containsExactly("phases");
    }

    @Test
    void requireValidThrowsValidationFailedListingAllFields() {
        InventoryContent c = new InventoryContent(List.of(new Component(null, null, null, null, null, null)));
        assertThatThrownBy(c::requireValid).isInstanceOfSatisfying(ValidationFailed.class,
                e -> assertThat(e.errors()).hasSize(6));
    }

    @Test
    void eachKindNamesItsContentRecord() {
        assertThat(DisclosureKind.INVENTORY.contentType()).isEqualTo(InventoryContent.class);
        assertThat(Fixtures.performance().kind()).isEqualTo(DisclosureKind.INTERCEPTOR_PERFORMANCE);
        assertThat(Fixtures.plan().kind()).isEqualTo(DisclosureKind.DEPLOYMENT_PLAN);
    }
}
