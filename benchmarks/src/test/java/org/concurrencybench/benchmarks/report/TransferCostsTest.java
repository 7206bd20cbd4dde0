package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** transfer's cost per unit, and the shared-memory goal judged from it. */
class TransferCostsTest {

    private static final String TRANSFER = "org.concurrencybench.benchmarks.jmh.TransferBenchmark.returnPayloadFromEveryTask";

    @Test
    void theCostOfAUnitIsTheFigureOverTheUnitsInMicrosecondsPerRunAndP() {
        Source source = source(List.of(
                transfer("process-pool", 1, "65536", 10.0), transfer("process-pool", 2, "65536", 6.0),
                transfer("process-pool", 1, "0", 5.0)));

        List<TransferCosts> costs = TransferCosts.of(List.of(source));

        assertEquals(2, costs.size(), "one table per P");
        assertEquals(List.of(0L, 65_536L), costs.getFirst().payloads());
        assertEquals(100.0, costs.getFirst().row("process-pool").orElseThrow().byPayload().get(65_536L).micros(), 1e-9);
        assertEquals(60.0, costs.getLast().row("process-pool").orElseThrow().byPayload().get(65_536L).micros(), 1e-9);
        assertEquals("P = 2, units=100", costs.getLast().describe());
    }

    private static Source source(List<Measurement> measurements) {
        return new Source("run", Path.of("jmh.json"), measurements, null, null);
    }

    private static Measurement transfer(String model, int cores, String payload, double millis) {
        return new Measurement(TRANSFER, "transfer", Map.of("units", "100", "payload", payload), model, cores, "avgt", millis,
                millis / 10, "ms/op");
    }
}
