package org.concurrencybench.executors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.Identity;
import org.concurrencybench.core.Kernel;
import org.concurrencybench.core.Mixed;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Primes;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadSpec;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the four models of this module share beyond the suite's contract. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExecutorModelsTest {

    /** Long enough that only cancellation ends a holding unit within the hang guard. */
    private static final long HOLD_MS = 600_000;

    private static final List<String> IDS = List.of(
            ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID);

    @Test
    void theFourModelsAreFoundInTheDesignsOrderAsThisModules() {
        List<ModelProvider> ours = ModelRegistry.providers().stream()
                .filter(provider -> provider.module().equals("executors")).toList();

        assertEquals(IDS, ours.stream().map(ModelProvider::id).toList());
        assertEquals(List.of(20, 30, 40, 50), ours.stream().map(ModelProvider::rank).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void everyDefaultWorkloadIsWithinTheModelsLimits(String id) {
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            for (WorkloadSpec spec : Workloads.all()) {
                assertEquals(Optional.empty(), model.limit(spec.create()), id + " " + spec.id());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void theFailingUnitIsTheCauseEvenWhileAnotherUnitHolds(String id) {
        // two cores: unit 0 holds while unit 1 fails, and unit 0's interruption must not be reported instead
        Batch failing = new Batch("probe", new Probe(1, HOLD_MS), 4);
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(failing));

            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals(Probe.failureMessage(1), failure.getCause().getMessage());
            assertEquals(0, Probe.liveUnits(), id + ": units of the failed run still running");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void aFailingUnitThatOnlyComputesFailsTheRunAndNoUnitOfItRunsAfterwards(String id) throws InterruptedException {
        // units that do not wait are not tracked: the run must still wait for the ones under way
        Batch failing = new Batch("probe", new Probe(500, 0), 2_000);
        Workload spawn = Workloads.create("spawn", Map.of("units", "1000"));
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(failing));

            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals(Probe.failureMessage(500), failure.getCause().getMessage());
            assertEquals(0, Probe.liveUnits(), id + ": units of the failed run still running");
            assertEquals(spawn.expected(), model.run(spawn), id + " after the failed run");
        }
    }

    static Stream<Arguments> modelsWithTreesAndRelays() {
        List<Arguments> arguments = new ArrayList<>();
        for (String id : IDS) {
            arguments.add(Arguments.of(id, "tree"));
            arguments.add(Arguments.of(id, "handoff"));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsWithTreesAndRelays")
    void anInterruptedTreeOrRelayEndsWithInterruptedExceptionAndTheModelStillWorks(String id, String workloadId)
            throws InterruptedException {
        // a tree of 100,000 leaves: big enough that the run is under way when the interrupt is seen
        Workload workload = workloadId.equals("tree")
                ? Workloads.create("tree", Map.of("depth", "5")) : Workloads.create(workloadId);
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            Thread.currentThread().interrupt();

            assertThrows(InterruptedException.class, () -> model.run(workload));

            assertFalse(Thread.interrupted(), "the interrupt should be consumed by the exception");
            assertEquals(workload.expected(), model.run(workload));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void unitsRunOnPoolThreadsNamedAfterTheModel(String id) throws InterruptedException {
        List<String> lines;
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            lines = printedBy(() -> model.run(new Batch("demo", new WhoRuns(), 4)));
        }

        List<String> threads = lines.stream().filter(line -> line.contains(" assigned to thread: "))
                .map(line -> line.substring(line.indexOf(": ") + 2)).toList();
        assertEquals(4, threads.size(), String.join("\n", lines));
        threads.forEach(thread -> assertTrue(thread.startsWith(id + "-worker-"), thread));
    }

    static Stream<Arguments> modelsAndKernels() {
        List<Arguments> arguments = new ArrayList<>();
        for (String id : IDS) {
            for (String kernel : List.of("sleep", "park", "mixed", "probe", "primes", "identity", "who-runs", "ticker",
                    "request")) {
                arguments.add(Arguments.of(id, kernel));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndKernels")
    void everyKindOfUnitAddsItsPayloadsChecksum(String id, String kernelName) throws Exception {
        try (ConcurrencyModel model = ModelRegistry.create(id, 2);
             OpenWorkload io = Workloads.open("io", Map.of("units", "1", "delayMs", "1"))) {
            int port = ((Request) ((Batch) io.workload()).kernel()).port();
            Kernel kernel = switch (kernelName) {
                case "sleep" -> new Sleep(1);
                case "park" -> new Park(1);
                case "mixed" -> new Mixed(50, 1);
                case "probe" -> new Probe(-1, 1);
                case "primes" -> new Primes(1_000);
                case "identity" -> new Identity();
                case "who-runs" -> new WhoRuns();
                case "ticker" -> new Ticker(1, 1);
                case "request" -> new Request(port, 1);
                default -> throw new IllegalArgumentException(kernelName);
            };
            Batch batch = new Batch("payload", kernel, 6, 100);

            // who-runs and tickers print: keep their lines out of the test's output
            printedBy(() -> {
                assertEquals(batch.expected(), model.run(batch), id + " " + batch.describe());
                return 0;
            });
        }
    }

    static Stream<Arguments> modelsAndLocks() {
        List<Arguments> arguments = new ArrayList<>();
        for (String id : IDS) {
            arguments.add(Arguments.of(id, "synchronized"));
            arguments.add(Arguments.of(id, "reentrant"));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndLocks")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anInterruptedContentionThatWaitsInsideItsLockEndsWithInterruptedExceptionAndTheModelStillWorks(
            String id, String lock) throws InterruptedException {
        // a minute inside the lock per update: only a cancellation that reaches the holder ends the run in time
        Workload holding = Workloads.create("contention", Map.of("workers", "4", "updates", "1", "lock", lock,
                "holdMs", "60000"));
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            HeldRun run = HeldRun.start(model, holding);

            assertInstanceOf(InterruptedException.class, run.interrupt());

            Workload quick = Workloads.create("contention", Map.of("workers", "3", "updates", "2", "lock", lock,
                    "holdMs", "1"));
            assertEquals(quick.expected(), model.run(quick));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID})
    void modelsWithFewRequestsInFlightDeclareNoDescriptorLimitForIo(String id) {
        Workload millionRequests = Workloads.create("io", Map.of("units", "1000000"));
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            Optional<String> limit = model.limit(millionRequests);

            assertTrue(limit.isEmpty() || !limit.get().contains("file descriptors"), id + ": " + limit);
        }
    }

    /** What {@code action} prints to standard output, line by line. */
    static List<String> printedBy(Action action) throws InterruptedException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(UTF_8).lines().toList();
    }

    @FunctionalInterface
    interface Action {
        long run() throws InterruptedException;
    }
}
