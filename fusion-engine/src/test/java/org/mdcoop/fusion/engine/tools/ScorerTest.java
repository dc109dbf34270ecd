package org.mdcoop.fusion.engine.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ScorerTest {
    @Test
    void ospaCombinesLocalisationAndCardinalityErrors() {
        StateRows truth = new StateRows();
        truth.add(1, "A", 0, 0, 0, 0, 0, 0);
        truth.add(1, "B", 100_000, 0, 0, 0, 0, 0);
        StateRows tracks = new StateRows();
        tracks.add(1, "T1", 30, 40, 0, 1, 0, 0);     // 50 m from A
        tracks.add(2, "T1", 0, 0, 0, 0, 0, 0);       // a time without truth
        Scorer.Score s = Scorer.score(truth, tracks, new double[]{1, 2}, 5_000);
        // t=1: (50 + 5000 * 1) / 2 = 2525; t=2: one false track, no objects = 5000
        assertThat(s.ospaM()).isCloseTo((2525 + 5000) / 2.0, offset(1e-9));
        assertThat(s.positionRmseM()).isCloseTo(50, offset(1e-9));
        assertThat(s.velocityRmseMps()).isCloseTo(1, offset(1e-9));
        assertThat(s.meanCardinalityError()).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void countsIdSwitchesAndTrackIdsPerObject() {
        StateRows truth = new StateRows();
        StateRows tracks = new StateRows();
        for (int t = 0; t < 4; t++) {
            truth.add(t, "A", 0, 0, 0, 0, 0, 0);
            tracks.add(t, t < 2 ? "T1" : "T2", 10, 0, 0, 0, 0, 0);
        }
        Scorer.Score s = Scorer.score(truth, tracks, null, 5_000);
        assertThat(s.idSwitches()).isEqualTo(1);
        assertThat(s.meanTrackIdsPerObject()).isEqualTo(2.0);
        assertThat(s.ospaM()).isCloseTo(10, offset(1e-9));
    }
}
