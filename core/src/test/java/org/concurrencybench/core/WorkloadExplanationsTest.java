package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadExplanationsTest {

    @Test
    void everyCatalogWorkloadIsExplainedWithoutNamingAModel() {
        for (WorkloadSpec spec : Workloads.all()) {
            String text = String.join(" ", Workloads.explain(spec.id(), Map.of()));

            assertFalse(text.contains("does not know"), spec.id() + ": " + text);
            for (String model : List.of("thread-pool", "fork-join", "completable-future", "async", "process-pool")) {
                assertFalse(text.contains(model), spec.id() + " names the model " + model + ": " + text);
            }
        }
    }

    @Test
    void theFiguresOfTheSizesAreWorkedOut() {
        String blocking = String.join(" ", Workloads.explain("blocking", Map.of("units", "1000", "delayMs", "10")));
        String tree = String.join(" ", Workloads.explain("tree", Map.of("width", "10", "depth", "2")));
        String pinning = String.join(" ", Workloads.explain("pinning",
                Map.of("workers", "64", "updates", "2", "holdMs", "5", "locks", "64", "lock", "synchronized")));

        assertTrue(blocking.contains("take 10,000 ms"), blocking);
        assertTrue(tree.contains("(100 leaves, 111 nodes)"), tree);
        assertTrue(pinning.contains("All of them: 10 ms") && pinning.contains("(640 ms at P = 1)"), pinning);
    }

    @Test
    void aSizeThatIsNotANumberIsShownAsWrittenAndItsSumsAreLeftAsFormulas() {
        String blocking = String.join(" ", Workloads.explain("blocking", Map.of("units", "many", "delayMs", "10")));

        assertTrue(blocking.contains("runs many tasks") && blocking.contains("units × delayMs ms"), blocking);
    }

    @Test
    void anUnknownWorkloadSaysSo() {
        assertTrue(Workloads.explain("made-up", Map.of()).getFirst().contains("does not know"));
    }
}
