package org.mdcoop.fusion.engine.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.scenario.ScenarioFiles;

/** The generated raid preset (60 missiles, pd 0.9, 2 clutter reports per scan): the accuracy figures. */
class ReplayRaidScenarioTest {
    private static Scenario raid;

    @BeforeAll
    static void generate() {
        raid = Scenario.generate(Params.raid());
    }

    private static StateRows replay(Tracker tracker, Detections d) {
        StateRows out = new StateRows();
        ReplayRunner.run(tracker, d, (t, tr) -> {
            var tracks = tr.tracks();
            for (int s = 0; s < tracks.size(); s++) {
                if (tracks.isConfirmed(s)) {
                    out.add(t, "T" + tracks.id(s), tracks.state(s, 0), tracks.state(s, 1), tracks.state(s, 2),
                            tracks.state(s, 3), tracks.state(s, 4), tracks.state(s, 5));
                }
            }
        });
        return out;
    }

    private static Scorer.Score score(StateRows tracks) {
        return Scorer.score(raid.truth(), tracks, Scorer.distinctTimes(raid.detections()), 5_000.0);
    }

    @Test
    void ballisticEngineTracksEveryMissileOnceAndBeatsTheBaselineByAWideMargin() {
        Scorer.Score b = score(replay(Tracker.ballistic(), raid.detections()));
        Scorer.Score cv = score(replay(Tracker.constantVelocityBaseline(), raid.detections()));
        assertThat(b.objects()).isEqualTo(60);
        assertThat(b.meanTrackIdsPerObject()).as("no broken tracks").isEqualTo(1.0);
        assertThat(b.idSwitches()).isZero();
        // clutter may start a short-lived confirmed track now and then; none did when measured
        assertThat(b.distinctTrackIds()).isBetween(60, 63);
        /*
         * Measured on this preset: OSPA 39.8 m, position RMSE 25.7 m; seeds 3-6 gave 37.7-38.8 m and
         * 25.7-28.6 m; CV baseline 106.6 / 94.5 m. 55 / 40 m leave ~40 % for other machines' orderings
         * and seeds; the target is >= 30 % better than the baseline in OSPA.
         */
        assertThat(b.ospaM()).isLessThan(55.0);
        assertThat(b.positionRmseM()).isLessThan(40.0);
        assertThat(b.ospaM()).isLessThan(0.7 * cv.ospaM());
    }

    @Test
    void replayOfTheWrittenFolderGivesTheSameScoreAsInMemory(@TempDir Path tmp) throws Exception {
        ScenarioFiles.write(raid, tmp, null);
        Detections fromFile = Detections.read(tmp.resolve("detections.jsonl"));
        StateRows truth = StateRows.read(tmp.resolve("truth.jsonl"));
        Scorer.Score file = Scorer.score(truth, replay(Tracker.ballistic(), fromFile),
                Scorer.distinctTimes(fromFile), 5_000.0);
        Scorer.Score memory = score(replay(Tracker.ballistic(), raid.detections()));
        assertThat(file).isEqualTo(memory);
    }
}
