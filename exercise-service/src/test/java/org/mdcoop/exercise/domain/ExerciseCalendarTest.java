package org.mdcoop.exercise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

class ExerciseCalendarTest {

    private static Exercise at(String name, Party host, String start, String end) {
        return Exercise.propose(UUID.randomUUID(), host, name, ExerciseKind.COMMAND_POST,
                new ExerciseWindow(Instant.parse(start), Instant.parse(end)), ExerciseFixtures.oneInject(),
                Instant.parse("2026-01-01T00:00:00Z")).exercise();
    }

    @Test
    void yearViewListsExercisesTouchingTheYearInOrderWithTheHostRotation() {
        Exercise a = at("Spring", Party.NATO, "2027-04-01T08:00:00Z", "2027-04-02T08:00:00Z");
        Exercise b = at("New Year", Party.RUSSIA, "2026-12-31T20:00:00Z", "2027-01-01T04:00:00Z");
        Exercise c = at("Autumn", Party.RUSSIA, "2027-10-01T08:00:00Z", "2027-10-02T08:00:00Z");
        Exercise d = at("Next year", Party.NATO, "2028-01-01T00:00:00Z", "2028-01-02T00:00:00Z");
        Exercise e = at("Cancelled", Party.NATO, "2027-06-01T08:00:00Z", "2027-06-02T08:00:00Z");
        e.cancel(Party.RUSSIA, "no", Instant.parse("2027-01-05T00:00:00Z"));
        List<ExerciseCalendar.Entry> year = ExerciseCalendar.year(List.of(a, b, c, d, e), 2027);
        assertThat(year).extracting(ExerciseCalendar.Entry::name)
                .containsExactly("New Year", "Spring", "Cancelled", "Autumn");
        assertThat(ExerciseCalendar.hostSequence(year)).containsExactly(Party.RUSSIA, Party.NATO, Party.RUSSIA);
        assertThat(ExerciseCalendar.hostCounts(year)).isEqualTo(Map.of(Party.NATO, 1L, Party.RUSSIA, 2L));
    }
}
