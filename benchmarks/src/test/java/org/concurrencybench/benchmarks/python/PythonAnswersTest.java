package org.concurrencybench.benchmarks.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;

/**
 * The Python package's catalog expects the Java catalog's answers: the same workloads at the same
 * sizes, each answer computed by both (a sieve, a formula, the payloads' CRC-32C sums) and
 * compared. Skipped, with the reason, where no usable python3 is on the PATH.
 */
class PythonAnswersTest {

    private static final List<Map.Entry<String, Map<String, String>>> SIZES = List.of(
            Map.entry("cpu", Map.of()),
            Map.entry("cpu", Map.of("limit", "1", "units", "1")),
            Map.entry("cpu", Map.of("limit", "3", "units", "2")),
            Map.entry("cpu", Map.of("limit", "100000", "units", "64")),
            Map.entry("cpu", Map.of("limit", "99991", "units", "7", "payload", "100")),
            Map.entry("blocking", Map.of()),
            Map.entry("blocking", Map.of("units", "1", "payload", "13")),
            Map.entry("spawn", Map.of()),
            Map.entry("spawn", Map.of("units", "3", "payload", "8")),
            Map.entry("tree", Map.of()),
            Map.entry("tree", Map.of("width", "2", "depth", "1")),
            Map.entry("tree", Map.of("width", "3", "depth", "12")),
            Map.entry("handoff", Map.of()),
            Map.entry("handoff", Map.of("workers", "7", "hops", "5")),
            Map.entry("mixed", Map.of()),
            Map.entry("mixed", Map.of("units", "10", "work", "7", "payload", "1")),
            Map.entry("io", Map.of()),
            Map.entry("io", Map.of("units", "7", "payload", "15")),
            Map.entry("transfer", Map.of()),
            Map.entry("transfer", Map.of("units", "3", "payload", "1")),
            Map.entry("transfer", Map.of("units", "5", "payload", "1048583")),
            Map.entry("transfer", Map.of("units", "2", "payload", "0")),
            Map.entry("contention", Map.of()),
            Map.entry("contention", Map.of("workers", "3", "updates", "7", "lock", "atomic", "locks", "2")),
            Map.entry("pinning", Map.of()));

    @Test
    void everyWorkloadAtSeveralSizesExpectsTheJavaCatalogsAnswer() {
        Python python = Python.find();
        assumeTrue(python.unavailable().isEmpty(), () -> "the Python models cannot run here: " + python.describe());
        List<Long> java = new ArrayList<>();
        SIZES.forEach(sized -> java.add(Workloads.create(sized.getKey(), sized.getValue()).expected()));

        List<Long> fromPython;
        try (PythonHarness harness = PythonHarness.open(python)) {
            fromPython = harness.expected(SIZES);
        }

        for (int index = 0; index < SIZES.size(); index++) {
            assertEquals(java.get(index), fromPython.get(index), SIZES.get(index).toString());
        }
    }
}
