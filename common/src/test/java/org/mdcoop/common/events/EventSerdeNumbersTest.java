package org.mdcoop.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

/** Positions and covariances cross every hop as JSON text: each double must come back bit for bit. */
class EventSerdeNumbersTest {

    @Test
    void everyDoubleSurvivesTheTripThroughJson() {
        Random random = new Random(17);
        double[] awkward = {0.1, 1.0 / 3, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 6_371_000.0,
                2.2250738585072011e-308, 9007199254740993.0, 1e23, 5e-324, 123456789.123456789};
        for (int i = 0; i < 2_000; i++) {
            double[] cov = new double[9];
            for (int k = 0; k < cov.length; k++) {
                cov[k] = i < awkward.length && k == 0 ? awkward[i]
                        : Double.longBitsToDouble(random.nextLong() & 0x7fef_ffff_ffff_ffffL); // any finite positive
            }
            double x = random.nextGaussian() * 7e6, y = random.nextDouble(), z = -random.nextDouble() * 1e-9;
            SensorReportMessage sent = new SensorReportMessage("r-" + i, "NATO-1", Party.NATO, Instant.ofEpochMilli(i),
                    x, y, z, null, cov, null, null, null, false, null);
            String json = EventSerde.toJson(EventSerde.envelope(SensorReportMessage.TYPE, SensorReportMessage.VERSION,
                    Instant.EPOCH, "test", Party.NATO, "test", null, "NATO-1", sent));

            SensorReportMessage read = EventSerde.payloadAs(EventSerde.fromJson(json), SensorReportMessage.class);

            assertThat(new double[] {read.xM(), read.yM(), read.zM()}).containsExactly(x, y, z);
            for (int k = 0; k < cov.length; k++) {
                assertThat(Double.doubleToRawLongBits(read.covariance()[k]))
                        .as("covariance[%d] = %s in %s", k, cov[k], json).isEqualTo(Double.doubleToRawLongBits(cov[k]));
            }
        }
    }
}
