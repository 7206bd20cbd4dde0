package org.concurrencybench.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.processes.parent.WorkerFailedException;
import org.concurrencybench.processes.parent.WorkerTimeouts;
import org.concurrencybench.processes.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class ProcessPerTaskModelTest extends ConcurrencyModelContractTest {

    private static final Workload ONE_UNIT = Workloads.create("cpu", Map.of("limit", "1000", "units", "1"));

    @Override
    protected String modelId() {
        return ProcessPerTaskModel.ID;
    }

    @Override
    protected boolean unitsRunInThisJvm() {
        return false;
    }

    /**
     * Every kind and edge case of the contract's small workloads (one unit, fewer units than
     * cores, a single hop, a payload, every lock, a wait inside the lock) at sizes that start
     * about 70 JVMs a round rather than 700: each task here is a JVM start-up.
     */
    @Override
    protected List<Workload> workloadsToRunTwice() {
        return List.of(
                Workloads.create("cpu", Map.of("limit", "50000", "units", "4")),
                Workloads.create("cpu", Map.of("limit", "1000", "units", "1")),
                Workloads.create("blocking", Map.of("units", "4", "delayMs", "1")),
                Workloads.create("mixed", Map.of("units", "4", "work", "500", "delayMs", "1")),
                Workloads.create("spawn", Map.of("units", "6")),
                Workloads.create("tree", Map.of("width", "3", "depth", "2")),
                Workloads.create("handoff", Map.of("workers", "2", "hops", "100")),
                Workloads.create("handoff", Map.of("workers", "5", "hops", "11")),
                Workloads.create("handoff", Map.of("workers", "3", "hops", "1")),
                Workloads.create("spawn", Map.of("units", "3", "payload", "1000")),
                Workloads.create("transfer", Map.of("units", "3", "payload", "100003")),
                new Batch("park", new Park(1), 4),
                Workloads.create("contention", Map.of("workers", "4", "updates", "200")),
                Workloads.create("contention", Map.of("workers", "3", "updates", "50", "lock", "reentrant",
                        "locks", "2")),
                Workloads.create("contention", Map.of("workers", "3", "updates", "100", "lock", "atomic")),
                Workloads.create("contention", Map.of("workers", "3", "updates", "3", "lock", "reentrant",
                        "holdMs", "1")),
                Workloads.create("pinning", Map.of("workers", "4", "updates", "2", "holdMs", "1", "locks", "4")));
    }

    private ProcessPerTaskModel newModel(int parallelism, Class<?> workerMain, Duration timeout, Consumer<String> output) {
        ProcessPerTaskModel model = new ProcessPerTaskModel(parallelism, workerMain, WorkerTimeouts.fixed(timeout), output);
        track(model);
        return model;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyUnitRunsInAJvmOfItsOwn() throws InterruptedException {
        OutputLines output = new OutputLines("ID of process");
        ProcessPerTaskModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), output);

        model.run(new Batch("demo", new WhoRuns(), 4));

        Set<String> pids = output.lines().stream().filter(line -> line.startsWith("ID of process"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
        assertEquals(4, pids.size(), "four units, four JVMs: " + output.lines());
        assertTrue(!pids.contains(String.valueOf(ProcessHandle.current().pid())), "no unit runs in the parent");
        assertTrue(output.lines().contains("Task 3 assigned to thread: main"), output.lines().toString());
    }

    @Test
    void sizesThatNeedTooManyJvmsAreRefusedNamingTheParameterTheValueAndTheBound() {
        ProcessPerTaskModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });

        Optional<String> spawn = model.limit(Workloads.create("spawn"));
        Optional<String> tree = model.limit(Workloads.create("tree"));
        Optional<String> ring = model.limit(new Relay("handoff", 17, 10));
        Optional<String> park = model.limit(new Batch("park", new Park(1), 257));
        Optional<String> contention = model.limit(Workloads.create("pinning", Map.of("workers", "2001", "locks", "2001")));

        assertTrue(spawn.orElseThrow().startsWith("units must be at most 2,000 for process-per-task, got 10,000"), spawn.get());
        assertTrue(tree.orElseThrow().startsWith("nodes (width=10, depth=6) must be at most 2,000 for process-per-task, got 1,111,111"),
                tree.get());
        assertTrue(ring.orElseThrow().startsWith("workers must be at most 16 for process-per-task, got 17"), ring.get());
        assertTrue(park.orElseThrow().startsWith("units must be at most 256 for process-per-task parking, got 257: "
                + "every parked unit is a JVM of its own, all alive at once"), park.get());
        assertTrue(contention.orElseThrow().startsWith("workers must be at most 2,000 for process-per-task, got 2,001"),
                contention.get());
        assertEquals(Optional.empty(), model.limit(new Batch("park", new Park(1), 256)), "256 parked JVMs: allowed");
        assertEquals(Optional.empty(), model.limit(Workloads.create("pinning")), "64 workers, 64 JVMs: allowed");
        assertEquals(Optional.empty(), model.limit(Workloads.create("io")), "1,000 requests, 1,000 JVMs: allowed");
        assertEquals(Optional.empty(), model.limit(Workloads.create("blocking")), "1,000 units are 1,000 JVMs: allowed");
        assertEquals(Optional.empty(), model.limit(new Tree("tree", 10, 3)), "1,111 nodes: allowed");
        assertEquals(Optional.empty(), model.limit(Workloads.create("handoff")));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aContentionRunCountsInAFileThatIsDeletedWhenTheRunEnds(@TempDir Path base) throws Exception {
        ProcessPerTaskModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        Workload contention = Workloads.create("contention", Map.of("workers", "3", "updates", "300", "lock", "atomic"));

        assertEquals(contention.expected(), SharedFolderBase.run(base, model, contention));

        assertEquals(List.of(), SharedFolderBase.filesIn(base), "the counter file and its folder are deleted with the run");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTaskJvmKilledMidRunFailsTheRunNamingItsPidAndExitCode() throws Exception {
        OutputLines output = new OutputLines("Starting Worker-");
        ProcessPerTaskModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), output);
        CompletableFuture<Throwable> outcome = ProcessPoolModelTest.runInBackground(model,
                new Batch("demo", new Ticker(60_000, 1), 2));
        assertTrue(output.awaitWatched(2, 1, TimeUnit.MINUTES), "both task JVMs should start");
        ProcessHandle victim = ProcessHandle.current().children().filter(ProcessHandle::isAlive).findFirst().orElseThrow();

        victim.destroyForcibly();

        RunFailedException failure = assertInstanceOf(RunFailedException.class, outcome.get());
        WorkerFailedException cause = assertInstanceOf(WorkerFailedException.class, failure.getCause());
        assertEquals(victim.pid(), cause.pid());
        assertTrue(failure.getMessage().contains("worker pid " + victim.pid() + " (process-per-task-task-")
                && failure.getMessage().contains("exited with code " + cause.exitCode().orElseThrow()), failure.getMessage());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList(),
                "the other task JVM is killed with the run");
        assertEquals(ONE_UNIT.expected(), newModel(1).run(ONE_UNIT), "a new model works");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTaskJvmThatAnswersGarbageFailsTheRunWithAClearError() {
        ProcessPerTaskModel model = newModel(1, GarbageWorkerMain.class, Duration.ofMinutes(1), line -> { });

        RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(ONE_UNIT));

        assertTrue(failure.getMessage().contains("answered garbage: expected a frame, got \"" + GarbageWorkerMain.JUNK),
                failure.getMessage());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTaskJvmThatNeverAnswersFailsTheRunWithinTheTimeout() {
        ProcessPerTaskModel model = newModel(1, SilentWorkerMain.class, Duration.ofSeconds(2), line -> { });

        RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(ONE_UNIT));

        assertTrue(failure.getMessage().contains(" (process-per-task-task-1) sent no reply within the run's timeout of 2 s"),
                failure.getMessage());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList(),
                "the silent JVM is killed with the run");
    }
}
