package org.mdcoop.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.common.domain.ValidationFailed;

class ReportingRoundTest {

    @Test
    void parsesHalfYearRoundsAndKnowsTheirDates() {
        ReportingRound h1 = ReportingRound.parse("2026-H1");
        ReportingRound h2 = ReportingRound.parse("2026-H2");
        assertThat(h1.startDate()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(h1.endDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(h2.startDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(h2.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(h2.id()).isEqualTo("2026-H2");
        assertThat(h1.next()).isEqualTo(h2);
        assertThat(h2.next()).isEqualTo(ReportingRound.parse("2027-H1"));
        assertThat(h1.previous()).isEqualTo(ReportingRound.parse("2025-H2"));
        assertThat(h1).isLessThan(h2);
    }

    @Test
    void roundContainingADateSplitsAtTheFirstOfJuly() {
        assertThat(ReportingRound.containing(LocalDate.of(2026, 6, 30)).id()).isEqualTo("2026-H1");
        assertThat(ReportingRound.containing(LocalDate.of(2026, 7, 1)).id()).isEqualTo("2026-H2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-H3", "2026-h1", "26-H1", "2026H1", "2026-H1 ", "1999-H1", "", "2026-Q1"})
    void rejectsMalformedRoundIdsOnTheGivenField(String id) {
        assertThatThrownBy(() -> ReportingRound.parse("round", id))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(ValidationFailed.FieldError::field)
                                .containsExactly("round"));
        assertThat(ReportingRound.isValid(id)).isFalse();
    }

    @Test
    void missingRoundIsRequired() {
        assertThatThrownBy(() -> ReportingRound.parse("round", null)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("is required");
    }
}
