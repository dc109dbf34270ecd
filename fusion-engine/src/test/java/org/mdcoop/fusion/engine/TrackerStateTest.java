package org.mdcoop.fusion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A tracker restored from its snapshot continues exactly as the original would (stream hand-over, restart). */
class TrackerStateTest {
    private static final double SIGMA_M = 100.0;

    private static List<double[]> raid(int n) {
        List<double[]> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(Trajectories.burnout(30 + (i / 10), 40 + (i % 10), 3000 + 20 * i, 35, 300));
        }
        return objects;
    }

    private static void scan(Tracker tracker, ReportBatch batch, Random rnd, String sensor, String party, double t,
            List<double[]> objects) {
        batch.clear();
        for (double[] s0 : objects) {
            double[] s = Trajectories.at(s0, t);
            batch.add(s[0] + SIGMA_M * rnd.nextGaussian(), s[1] + SIGMA_M * rnd.nextGaussian(),
                    s[2] + SIGMA_M * rnd.nextGaussian(), SIGMA_M, tracker.sensorIndex(sensor), tracker.partyIndex(party),
                    false, "r");
        }
        tracker.processScan(t, batch);
    }

    private static byte[] snapshot(Tracker tracker) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tracker.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void aRestoredTrackerContinuesWithTheSameIdsStatesAndMasks() throws IOException {
        List<double[]> objects = raid(30);
        Tracker original = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        Random rnd = new Random(5);
        for (int k = 0; k < 6; k++) {
            scan(original, batch, rnd, "NATO-1", "NATO", k, objects);
            scan(original, batch, rnd, "RU-1", "RUSSIA", k + 0.5, objects);
        }
        Tracker restored = Tracker.ballistic();
        restored.readState(new DataInputStream(new ByteArrayInputStream(snapshot(original))));

        // the same next scans (same noise) on both
        Random a = new Random(9);
        Random b = new Random(9);
        for (int k = 6; k < 10; k++) {
            scan(original, batch, a, "NATO-1", "NATO", k, objects);
            scan(restored, batch, b, "NATO-1", "NATO", k, objects);
        }
        scan(original, batch, a, "NATO-2", "NATO", 10, objects.subList(0, 5));
        scan(restored, batch, b, "NATO-2", "NATO", 10, objects.subList(0, 5));

        TrackTable x = original.tracks();
        TrackTable y = restored.tracks();
        assertThat(y.size()).isEqualTo(x.size()).isEqualTo(30);
        assertThat(restored.confirmedCount()).isEqualTo(original.confirmedCount()).isEqualTo(30);
        assertThat(restored.lastScanSeconds()).isEqualTo(original.lastScanSeconds());
        for (int s = 0; s < x.size(); s++) {
            assertThat(y.id(s)).isEqualTo(x.id(s));
            assertThat(y.updates(s)).isEqualTo(x.updates(s));
            assertThat(restored.sensorNames(y.sensorMask(s))).isEqualTo(original.sensorNames(x.sensorMask(s)));
            assertThat(restored.partyNames(y.partyMask(s))).containsExactlyInAnyOrder("NATO", "RUSSIA");
            for (int i = 0; i < 6; i++) {
                assertThat(y.state(s, i)).isEqualTo(x.state(s, i));
            }
        }
        // a track started after the restore gets the id the original would have given it
        Random c = new Random(3);
        Random d = new Random(3);
        List<double[]> newcomer = List.of(Trajectories.burnout(50, 20, 3000, 35, 300));
        scan(original, batch, c, "NATO-1", "NATO", 11, newcomer);
        scan(restored, batch, d, "NATO-1", "NATO", 11, newcomer);
        assertThat(y.id(y.size() - 1)).isEqualTo(x.id(x.size() - 1)).isEqualTo(31);
    }

    @Test
    void aSnapshotOfAnotherFormatIsRefusedNotMisread() throws IOException {
        byte[] bytes = snapshot(Tracker.ballistic());
        bytes[3] = 99;
        Tracker tracker = Tracker.ballistic();
        assertThatThrownBy(() -> tracker.readState(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("format 99");
    }
}
