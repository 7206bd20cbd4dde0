package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadsTest {

    @Test
    void theCatalogHasTheDesignsWorkloadsInOrder() {
        assertEquals(List.of("cpu", "blocking", "spawn", "tree", "handoff", "mixed"), Workloads.ids());
    }

    @Test
    void defaultsGiveTheDesignsAnswers() {
        assertEquals(148_933, Workloads.create("cpu").expected(), "pi(2,000,000)");
        assertEquals(499_500, Workloads.create("blocking").expected());
        assertEquals(49_995_000, Workloads.create("spawn").expected());
        assertEquals(499_999_500_000L, Workloads.create("tree").expected());
        assertEquals(100_000, Workloads.create("handoff").expected());
        assertEquals(56_543, Workloads.create("mixed").expected(), "pi(700,000)");
    }

    @Test
    void defaultsCarryTheDesignsSizes() {
        assertEquals(Map.of("limit", 2_000_000L, "units", 64L), Workloads.create("cpu").parameters());
        assertEquals("blocking(delayMs=10, units=1000)", Workloads.create("blocking").describe());
        assertEquals("mixed(work=700, delayMs=10, units=1000)", Workloads.create("mixed").describe());
        assertEquals(1_111_111, Workloads.create("tree").tasks(), "nodes of a width-10 depth-6 tree");
    }

    @Test
    void trialDivisionOverAllSlicesAgreesWithTheSieve() throws InterruptedException {
        for (int units : new int[] {1, 3, 64, 1000, 5000}) {
            Batch batch = new Batch("cpu", new Primes(4_321), units);
            assertEquals(batch.expected(), batch.runRange(0, units), "units=" + units);
        }
        assertEquals(25, new Primes(100).expected(1), "primes below 100");
        assertEquals(0, new Primes(2).expected(1), "no prime below 2");
    }

    @Test
    void mixedSlicesByTrialDivisionAgreeWithTheSieve() throws InterruptedException {
        for (int units : new int[] {1, 7, 64}) {
            Batch batch = new Batch("mixed", new Mixed(97, 0), units);
            assertEquals(batch.expected(), batch.runRange(0, units), "units=" + units);
        }
        assertEquals(25, new Mixed(10, 0).expected(10), "primes below 100");
        assertEquals(4, new Mixed(10, 0).run(0, 10), "2, 3, 5 and 7 are the first unit's");
    }

    @Test
    void theSequentialTreeSumIsTheClosedForm() {
        Tree tree = new Tree("tree", 4, 5);
        assertEquals(tree.expected(), tree.sequentialSum(tree.root()));
        assertEquals(1 + 4 + 16 + 64 + 256 + 1024, tree.nodes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cpu      | units   | 0      | cpu: units must be between 1 and 100,000,000, got 0",
            "cpu      | limit   | -5     | cpu: limit must be between 1 and 1,000,000,000, got -5",
            "blocking | delayMs | 70000  | blocking: delayMs must be between 0 and 60,000, got 70,000",
            "spawn    | units   | -1     | spawn: units must be between 1 and 100,000,000, got -1",
            "tree     | width   | 1      | tree: width must be between 2 and 1,000, got 1",
            "tree     | depth   | 10     | tree: width^depth (the leaves) must be at most 1,000,000,000, got width=10 depth=10",
            "handoff  | workers | 1      | handoff: workers must be between 2 and 1,000,000, got 1",
            "handoff  | hops    | 0      | handoff: hops must be between 1 and 1,000,000,000, got 0",
            "mixed    | work    | 0      | mixed: work must be between 1 and 1,000,000,000, got 0",
            "mixed    | delayMs | -1     | mixed: delayMs must be between 0 and 60,000, got -1",
            "mixed    | units   | 2000000 | mixed: units × work must be between 1 and 1,000,000,000, got 1,400,000,000",
            "cpu      | units   | ten    | workload cpu: units must be a whole number, got 'ten'",
            "cpu      | delayMs | 5      | workload cpu has no parameter 'delayMs'; its parameters: limit, units",
    })
    void badParametersAreRefusedWithTheParameterTheValueAndWhatIsAllowed(String id, String name, String value,
                                                                          String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Workloads.create(id, Map.of(name, value)));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void underscoresAreAllowedInNumbers() {
        assertEquals(Map.of("limit", 2_000_000L, "units", 8L),
                Workloads.create("cpu", Map.of("limit", "2_000_000", "units", "8")).parameters());
    }

    @Test
    void anUnknownWorkloadNamesTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Workloads.create("gpu"));
        assertEquals("unknown workload 'gpu'; known workloads: cpu, blocking, spawn, tree, handoff, mixed", refused.getMessage());
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.create("green-threads", 1));
        assertTrue(refused.getMessage().startsWith("unknown model 'green-threads'; known models:"), refused.getMessage());
    }

    @Test
    void unitRangesCoverEveryUnitOnce() {
        assertEquals(List.of(new UnitRange(0, 3), new UnitRange(3, 7)), UnitRange.split(7, 2));
        assertEquals(List.of(new UnitRange(0, 1), new UnitRange(1, 2)), UnitRange.split(2, 8));
        assertEquals(List.of(new UnitRange(0, 4), new UnitRange(4, 8), new UnitRange(8, 10)), UnitRange.chunks(10, 4));
    }
}
