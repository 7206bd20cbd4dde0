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
        assertEquals(List.of("cpu", "blocking", "spawn", "tree", "handoff", "mixed", "io", "transfer", "contention",
                "pinning"), Workloads.ids());
    }

    @Test
    void defaultsGiveTheDesignsAnswers() {
        assertEquals(148_933, Workloads.create("cpu").expected(), "pi(2,000,000)");
        assertEquals(499_500, Workloads.create("blocking").expected());
        assertEquals(49_995_000, Workloads.create("spawn").expected());
        assertEquals(499_999_500_000L, Workloads.create("tree").expected());
        assertEquals(100_000, Workloads.create("handoff").expected());
        assertEquals(9_592, Workloads.create("mixed").expected(), "pi(100,000)");
        assertEquals(3 * 499_500 + 1_000, Workloads.create("io").expected(), "the server answers 3i + 1");
        assertEquals(400_000, Workloads.create("contention").expected());
        assertEquals(128, Workloads.create("pinning").expected());
    }

    @Test
    void defaultsCarryTheDesignsSizes() {
        assertEquals(Map.of("limit", 2_000_000L, "units", 64L), Workloads.create("cpu").parameters());
        assertEquals("blocking(delayMs=10, units=1000)", Workloads.create("blocking").describe());
        assertEquals("mixed(work=100, delayMs=10, units=1000)", Workloads.create("mixed").describe());
        assertEquals("transfer(units=100, payload=65536)", Workloads.create("transfer").describe());
        assertEquals("pinning(workers=64, updates=2, lock=synchronized, holdMs=5, locks=64)",
                Workloads.create("pinning").describe());
        assertEquals(List.of("workers=4", "updates=100000", "lock=synchronized", "holdMs=0", "locks=1"),
                Workloads.spec("contention").parameters().stream()
                        .map(parameter -> parameter.name() + "=" + parameter.displayDefault()).toList());
        assertEquals(1_111_111, ((Tree) Workloads.create("tree")).nodes(), "nodes of a width-10 depth-6 tree");
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
    void atomicUpdatesHaveNoCriticalSectionToWaitIn() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Workloads.create("contention", Map.of("lock", "atomic", "holdMs", "1")));
        assertTrue(refused.getMessage().startsWith("contention: holdMs must be 0 with lock=atomic, got 1"),
                refused.getMessage());
    }

    @Test
    void payloadBytesDependOnlyOnTheUnitAndTheirChecksumsSumToTheExpected() throws InterruptedException {
        assertTrue(java.util.Arrays.equals(Payload.bytes(5, 1_001), Payload.bytes(5, 1_001)));
        assertTrue(!java.util.Arrays.equals(Payload.bytes(5, 64), Payload.bytes(6, 64)), "units differ");
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(1_001);
        Payload.fill(5, direct);
        assertEquals(Payload.checksum(Payload.bytes(5, 1_001)), Payload.checksum(direct.flip()), "any buffer, same bytes");
        Batch batch = new Batch("spawn", new Identity(), 9, 1_001);
        assertEquals(batch.expected(), batch.runRange(0, 9));
        byte[] garbled = Payload.bytes(3, 1_001);
        garbled[500] ^= 1;
        assertTrue(Payload.checksum(garbled) != Payload.checksum(Payload.bytes(3, 1_001)), "one flipped bit shows");
    }

    @Test
    void ioIsRunnableOnlyOpenAndItsServerStopsOnClose() throws Exception {
        Batch unbound = (Batch) Workloads.create("io", Map.of("units", "3", "delayMs", "0"));
        IllegalStateException notOpen = assertThrows(IllegalStateException.class, () -> unbound.runUnit(0));
        assertTrue(notOpen.getMessage().startsWith("io has no server to call"), notOpen.getMessage());

        Batch bound;
        try (OpenWorkload io = Workloads.open("io", Map.of("units", "3", "delayMs", "0"))) {
            bound = (Batch) io.workload();
            assertEquals(bound.expected(), bound.runRange(0, 3));
            assertEquals(3, io.server().orElseThrow().answered());
        }
        java.io.UncheckedIOException gone = assertThrows(java.io.UncheckedIOException.class, () -> bound.runUnit(1));
        assertTrue(gone.getMessage().contains("refused the connection for unit 1"), gone.getMessage());
    }

    @Test
    void stripedCountersKeepEveryUpdate() throws InterruptedException {
        for (LockKind lock : LockKind.values()) {
            Contention contention = new Contention("contention", 6, 1_000, lock, 0, 4);
            SharedCounter counter = contention.newCounter();
            Thread[] workers = new Thread[6];
            for (int worker = 0; worker < workers.length; worker++) {
                int id = worker;
                workers[worker] = Thread.ofPlatform().start(() -> {
                    try {
                        counter.work(id);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals(contention.expected(), counter.total(), lock.id());
        }
    }

    @Test
    void theSequentialTreeSumIsTheClosedForm() {
        Tree tree = new Tree("tree", 4, 5);
        assertEquals(tree.expected(), tree.sequentialSum(tree.root()));
        assertEquals(1 + 4 + 16 + 64 + 256 + 1024, tree.nodes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cpu      | units   | 0      | cpu.units must be 1 to 100,000,000, got 0",
            "cpu      | limit   | -5     | cpu.limit must be 1 to 1,000,000,000, got -5",
            "blocking | delayMs | 70000  | blocking.delayMs must be 0 to 60,000, got 70,000",
            "spawn    | units   | -1     | spawn.units must be 1 to 100,000,000, got -1",
            "tree     | width   | 1      | tree.width must be 2 to 1,000, got 1",
            "tree     | width   | 3000000000 | tree.width must be 2 to 1,000, got 3,000,000,000",
            "tree     | depth   | 10     | tree: width^depth (the leaves) must be at most 1,000,000,000, got width=10 depth=10",
            "handoff  | workers | 1      | handoff.workers must be 2 to 1,000,000, got 1",
            "handoff  | hops    | 0      | handoff.hops must be 1 to 1,000,000,000, got 0",
            "handoff  | hops    | 99999999999 | handoff.hops must be 1 to 1,000,000,000, got 99,999,999,999",
            "mixed    | work    | 0      | mixed.work must be 1 to 1,000,000,000, got 0",
            "mixed    | delayMs | -1     | mixed.delayMs must be 0 to 60,000, got -1",
            "mixed    | units   | 20000000 | mixed: units × work must be 1 to 1,000,000,000, got 2,000,000,000",
            "spawn    | payload | 67108865 | spawn.payload must be 0 to 67,108,864, got 67,108,865",
            "contention | lock  | mutex  | contention.lock must be one of synchronized, reentrant, atomic, got 'mutex'",
            "contention | locks | 5      | contention.locks must be 1 to 4, got 5",
            "contention | updates | 0    | contention.updates must be 1 to 100,000,000, got 0",
            "io       | delayMs | 60001  | io.delayMs must be 0 to 60,000, got 60,001",
            "cpu      | units   | ten    | cpu.units must be a whole number from 1 to 100,000,000, got 'ten'",
            "cpu      | delayMs | 5      | workload cpu has no parameter 'delayMs'; its parameters: limit, units, payload",
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
        assertEquals("unknown workload 'gpu'; known workloads: cpu, blocking, spawn, tree, handoff, mixed, io, transfer, contention, pinning", refused.getMessage());
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
