package org.mdcoop.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mdcoop.console.relay.RelayRoutes;

class RelayRoutesTest {

    private static final String ID = "3f2b9c1e-6d3a-4e7b-9a10-2b4c6d8e0f12";

    @Test
    void relaysTheReadsAndCommandsTheScreensUse() {
        assertThat(RelayRoutes.allowed("agreement", "GET", "agreements/status")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "GET", "agreements/" + ID)).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "POST", "agreements/" + ID + "/withdraw")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "POST", "agreements/" + ID + "/elements/JOINT_EXERCISES/stop"))
                .isTrue();
        assertThat(RelayRoutes.allowed("agreement", "POST", "agreements/" + ID + "/elements/../clock/stop")).isFalse();
        assertThat(RelayRoutes.allowed("agreement", "delete", "agreements/" + ID + "/extension-consent")).isTrue();
        assertThat(RelayRoutes.allowed("fusion", "GET", "picture")).isTrue();
        assertThat(RelayRoutes.allowed("fusion", "GET", "tracks/L-1-42")).isTrue();
        assertThat(RelayRoutes.allowed("exercise", "GET", "me")).isTrue();
    }

    @Test
    void relaysTheTransparencyExerciseAuditAndAmendmentScreens() {
        assertThat(RelayRoutes.allowed("transparency", "GET", "disclosures")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "PUT", "disclosures/" + ID)).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "POST", "disclosures/" + ID + "/submit")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "GET", "tests/" + ID + "/comparison")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "POST", "tests/" + ID + "/accept")).isTrue();
        assertThat(RelayRoutes.allowed("exercise", "POST", "exercises")).isTrue();
        assertThat(RelayRoutes.allowed("exercise", "POST", "exercises/" + ID + "/approve")).isTrue();
        assertThat(RelayRoutes.allowed("exercise", "GET", "exercises/" + ID + "/report")).isTrue();
        assertThat(RelayRoutes.allowed("exercise", "POST", "exercises/" + ID + "/report/approve")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "GET", "audit/verify")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "POST", "agreements/" + ID + "/amendments")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "POST", "agreements/" + ID + "/amendments/" + ID + "/endorse")).isTrue();
        assertThat(RelayRoutes.allowed("agreement", "DELETE", "agreements/" + ID + "/amendments/" + ID)).isFalse();
        assertThat(RelayRoutes.allowed("transparency", "POST", "assessments")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "POST", "tests")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "GET", "assessments/reference-trajectories")).isTrue();
        assertThat(RelayRoutes.allowed("transparency", "GET", "assessments")).isFalse();
        // not what these screens need: the dev clocks, the exercise's raw runs, another service's paths
        assertThat(RelayRoutes.allowed("transparency", "POST", "clock/advance")).isFalse();
        assertThat(RelayRoutes.allowed("exercise", "DELETE", "exercises/" + ID)).isFalse();
        assertThat(RelayRoutes.allowed("exercise", "GET", "disclosures")).isFalse();
        assertThat(RelayRoutes.allowed("transparency", "POST", "tests/" + ID + "/../clock")).isFalse();
    }

    @Test
    void relaysNothingElse() {
        assertThat(RelayRoutes.allowed("agreement", "POST", "clock/advance")).isFalse();
        assertThat(RelayRoutes.allowed("fusion", "POST", "reports")).isFalse();
        assertThat(RelayRoutes.allowed("fusion", "GET", "reports")).isFalse();
        assertThat(RelayRoutes.allowed("agreement", "GET", "agreements/" + ID + "/../../clock")).isFalse();
        assertThat(RelayRoutes.allowed("agreement", "GET", "agreements/%2e%2e/clock")).isFalse();
        assertThat(RelayRoutes.allowed("agreement", "PATCH", "agreements/" + ID)).isFalse();
        assertThat(RelayRoutes.allowed("fusion", "GET", "agreements")).isFalse();
        assertThat(RelayRoutes.allowed("keycloak", "GET", "me")).isFalse();
        // the live stream has its own endpoint: a buffered relay would never answer
        assertThat(RelayRoutes.allowed("fusion", "GET", "picture/stream")).isFalse();
    }
}
