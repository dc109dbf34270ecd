package org.mdcoop.exercise.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;

final class ExerciseFixtures {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final ExerciseWindow WINDOW = new ExerciseWindow(T0, T0.plusSeconds(6 * 3600));

    /** An MRBM of ~1,500 km (about 13.5 degrees of longitude at 0 latitude), comfortably fast. */
    static Inject mrbm(double offsetS) {
        return new Inject(offsetS, 0.0, 30.0, 0.0, 43.5, MissileClass.MRBM, 4.5);
    }

    static List<Inject> oneInject() {
        return List.of(mrbm(60));
    }

    static Exercise proposed(Party host) {
        return Exercise.propose(UUID.randomUUID(), host, "Shield 27", ExerciseKind.COMPUTER_ASSISTED, WINDOW,
                oneInject(), T0.minusSeconds(30 * 86400)).exercise();
    }

    static Exercise approved(Party host) {
        Exercise e = proposed(host);
        e.approve(host.other(), e.scenario().version(), T0.minusSeconds(20 * 86400));
        return e;
    }

    static Exercise running(Party host) {
        Exercise e = approved(host);
        e.start(host, T0);
        return e;
    }

    static Exercise inState(ExerciseStatus status, Party host) {
        return switch (status) {
            case PROPOSED -> proposed(host);
            case APPROVED -> approved(host);
            case RUNNING -> running(host);
            case COMPLETED -> {
                Exercise e = running(host);
                e.complete(host, T0.plusSeconds(3600));
                yield e;
            }
            case CANCELLED -> {
                Exercise e = proposed(host);
                e.cancel(host, "weather", T0.minusSeconds(86400));
                yield e;
            }
            case HALTED -> {
                Exercise e = running(host);
                e.halt("agreement withdrawn", T0.plusSeconds(600));
                yield e;
            }
        };
    }

    private ExerciseFixtures() {
    }
}
