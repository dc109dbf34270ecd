package org.mdcoop.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How problems word what Jackson and the HTTP layer report. Plain JUnit: no Quarkus needed. */
class ProblemWordingTest {

    @Test
    void jacksonMessagesKeepOnlyTheSimpleNamesOfOurClasses() {
        assertThat(ProblemMappers.plain("Cannot deserialize value of type "
                + "`org.mdcoop.transparency.domain.disclosure.ComponentType` from String \"LASER\""))
                .isEqualTo("Cannot deserialize value of type `ComponentType` from String \"LASER\"");
        assertThat(ProblemMappers.plain("Cannot construct instance of `org.mdcoop.agreement.api.AgreementRequests$DraftRequest`"))
                .isEqualTo("Cannot construct instance of `DraftRequest`");
        assertThat(ProblemMappers.plain("Numeric value (99999999999) out of range of int"))
                .isEqualTo("Numeric value (99999999999) out of range of int");
    }

    @Test
    void theBodyLimitIsNamedInUnitsAndBytes() {
        assertThat(BodyLimit.describe(1024 * 1024)).isEqualTo("1 MiB (1048576 bytes)");
        assertThat(BodyLimit.describe(10 * 1024)).isEqualTo("10 KiB (10240 bytes)");
        assertThat(BodyLimit.describe(1000)).isEqualTo("1000 bytes");
    }
}
