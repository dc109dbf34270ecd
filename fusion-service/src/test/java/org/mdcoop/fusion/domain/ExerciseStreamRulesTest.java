package org.mdcoop.fusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

class ExerciseStreamRulesTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant T = Instant.parse("2027-03-01T10:00:00Z");

    private static ExerciseStream stream(String status, Instant at, Party... parties) {
        return new ExerciseStream(ID, status, Set.of(parties), Set.of("NATO-1", "RUSSIA-1"), at);
    }

    @Test
    void aRunningExerciseTakesDeclaredSensorsOfThePartiesTakingPartOnly() {
        ExerciseStream running = stream("RUNNING", T, Party.NATO, Party.RUSSIA);
        assertThat(ExerciseStream.refusal(ID, running, Party.RUSSIA, "RUSSIA-1")).isEmpty();
        assertThat(ExerciseStream.refusal(ID, running, Party.NATO, "NATO-9")).get().asString()
                .contains("sensor NATO-9 is not declared");
        assertThat(ExerciseStream.refusal(ID, stream("RUNNING", T, Party.NATO), Party.RUSSIA, "RUSSIA-1")).get()
                .asString().contains("RUSSIA takes no part");
        assertThat(ExerciseStream.refusal(ID, stream("APPROVED", T, Party.NATO, Party.RUSSIA), Party.NATO, "NATO-1"))
                .get().asString().contains("is APPROVED, not RUNNING");
        assertThat(ExerciseStream.refusal(ID, null, Party.NATO, "NATO-1")).get().asString()
                .contains("unknown exercise");
    }

    @Test
    void laterEventsReplaceEarlierOnesButNothingReopensAnEndedExercise() {
        ExerciseStream approved = stream("APPROVED", T, Party.NATO, Party.RUSSIA);
        ExerciseStream running = stream("RUNNING", T.plusSeconds(60), Party.NATO, Party.RUSSIA);
        ExerciseStream halted = stream("HALTED", T.plusSeconds(120), Party.NATO, Party.RUSSIA);
        assertThat(running.supersedes(null)).isTrue();
        assertThat(running.supersedes(approved)).isTrue();
        assertThat(approved.supersedes(running)).isFalse();
        assertThat(halted.supersedes(running)).isTrue();
        assertThat(stream("RUNNING", T.plusSeconds(600), Party.NATO, Party.RUSSIA).supersedes(halted)).isFalse();
        assertThat(halted.ended()).isTrue();
        assertThat(running.ended()).isFalse();
    }
}
