package org.mdcoop.fusion.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdcoop.fusion.engine.tools.Detections;

class GenerateTest {
    @Test
    void writesAFolderTheReplayReadsAndRecordsTheCommandWithoutTheFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("s");
        // options before --preset still adjust the preset
        Generate.main(new String[]{"--missiles", "3", "--out", out.toString(), "--preset", "small", "--seed", "5",
                "--duration", "200", "--range", "NATO-2=1500"});
        Scenario expected = Scenario.generate(Params.small().withMissiles(3).withSeed(5).withDurationS(200)
                .withMaxRangeM("NATO-2", 1_500_000));
        Detections d = Detections.read(out.resolve("detections.jsonl"));
        assertThat(d.size).isPositive().isEqualTo(expected.detections().size);
        assertThat(d.reportId[d.size - 1]).isEqualTo(expected.detections().reportId[d.size - 1]);
        String json = Files.readString(out.resolve("scenario.json"));
        assertThat(json).contains("\"command\" : \"replay generate --missiles 3 --preset small --seed 5 --duration 200"
                + " --range NATO-2=1500\"").doesNotContain(tmp.toString());
        assertThat(Files.readString(out.resolve("sensors.json"))).contains("\"maxRange\" : 1500000.0");
    }
}
