package org.concurrencybench.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.serve.HttpTestClient;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.parent.WorkerFailedException;
import org.concurrencybench.processes.parent.WorkerTimeouts;
import org.concurrencybench.processes.protocol.UnitOutlet;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class ProcessPoolModelTest extends ConcurrencyModelContractTest {

    private static final Workload SMALL_CPU = Workloads.create("cpu", Map.of("limit", "20000", "units", "4"));

    @Override
    protected String modelId() {
        return transport().modelId;
    }

    /** How the pool under test moves its units' bytes; the shared-memory pool's test runs these tests too. */
    ProcessPoolModel.Transport transport() {
        return ProcessPoolModel.Transport.PIPE;
    }

    @Override
    protected boolean unitsRunInThisJvm() {
        return false;
    }

    ProcessPoolModel newModel(int parallelism, Class<?> workerMain, Duration timeout, Consumer<String> output) {
        ProcessPoolModel model = new ProcessPoolModel(transport(), parallelism, workerMain, WorkerTimeouts.fixed(timeout), output);
        track(model);
        return model;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void whatAUnitPrintsReachesTheParentWithTheWorkersThreadAndPid() throws InterruptedException {
        OutputLines output = new OutputLines("Task");
        ProcessPoolModel model = newModel(1, WorkerMain.class, Duration.ofMinutes(1), output);

        model.run(new Batch("demo", new WhoRuns(), 2));

        long pid = model.workerPids().get(0);
        assertEquals(List.of("Task 1 assigned to thread: main", "ID of process running task 1: " + pid,
                "Task 2 assigned to thread: main", "ID of process running task 2: " + pid), output.lines());
    }

    @Test
    void batchChunksFollowPoolMapsChunkSize() {
        assertEquals(1, ProcessPoolModel.chunkSize(8, 2), "ceil(8 / 8)");
        assertEquals(2, ProcessPoolModel.chunkSize(64, 8), "ceil(64 / 32)");
        assertEquals(3, ProcessPoolModel.chunkSize(33, 4), "ceil(33 / 16)");
        assertEquals(1, ProcessPoolModel.chunkSize(1, 4096), "at least one unit");
        assertEquals(313, ProcessPoolModel.chunkSize(10_000, 8), "ceil(10000 / 32)");
    }

    @Test
    void theTreeIsCutAtTheFirstLevelWithEnoughSubtreesAndEachSubtreeIsWhole() {
        Tree tree = new Tree("tree", 10, 6);

        List<WorkOrder.SumSubtree> forTwo = ProcessPoolModel.subtrees(tree, 8);
        List<WorkOrder.SumSubtree> forEight = ProcessPoolModel.subtrees(tree, 32);
        List<WorkOrder.SumSubtree> pastTheLeaves = ProcessPoolModel.subtrees(new Tree("tree", 2, 3), 100);

        assertEquals(10, forTwo.size());
        assertEquals(100_000, forTwo.get(0).leaves());
        assertEquals(100, forEight.size());
        assertEquals(8, pastTheLeaves.size(), "a tree smaller than the wanted cut is cut at its leaves");
        assertEquals(tree.expected(), forEight.stream().mapToLong(subtree -> subtree.run(UnitOutlet.NONE)).sum());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFailedRunCancelsTheBusyWorkersAndKeepsThemWarm() throws InterruptedException {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        List<Long> before = model.workerPids();

        assertThrows(RunFailedException.class, () -> model.run(new Batch("probe", new Probe(0, HOLD_MS), 8)));

        assertEquals(before, model.workerPids(), "cancelled workers answer CANCELLED and stay");
        assertEquals(SMALL_CPU.expected(), model.run(SMALL_CPU));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWorkerKilledMidRunFailsTheRunNamingItsPidAndExitCode() throws Exception {
        OutputLines output = new OutputLines("Starting Worker-");
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), output);
        CompletableFuture<Throwable> outcome = runInBackground(model, new Batch("demo", new Ticker(60_000, 1), 2));
        assertTrue(output.awaitWatched(2, 1, TimeUnit.MINUTES), "both workers should start a unit");
        long victim = model.workerPids().get(0);

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();

        RunFailedException failure = assertInstanceOf(RunFailedException.class, outcome.get());
        WorkerFailedException cause = assertInstanceOf(WorkerFailedException.class, failure.getCause());
        assertEquals(victim, cause.pid());
        assertTrue(cause.exitCode().isPresent(), "the exit code of a killed worker is known");
        assertTrue(failure.getMessage().contains("worker pid " + victim + " (" + modelId() + "-worker-1) exited with code "
                + cause.exitCode().getAsInt()), failure.getMessage());
        assertFalse(model.workerPids().contains(victim), "the killed worker is replaced");
        assertEquals(SMALL_CPU.expected(), model.run(SMALL_CPU), "the same model works after the failure");
        assertEquals(SMALL_CPU.expected(), newModel(2).run(SMALL_CPU), "a new model works");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWorkerThatAnswersGarbageIsAClearError() {
        WorkerFailedException failure = assertThrows(WorkerFailedException.class,
                () -> newModel(1, GarbageWorkerMain.class, Duration.ofMinutes(1), line -> { }));

        assertTrue(failure.getMessage().contains("answered garbage: expected a frame, got \"" + GarbageWorkerMain.JUNK),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("worker pid " + failure.pid()), failure.getMessage());
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList(),
                "a model that could not start leaves no worker");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWorkerThatNeverAnswersFailsTheRunWithinTheTimeout() {
        ProcessPoolModel model = newModel(1, SilentWorkerMain.class, Duration.ofSeconds(2), line -> { });
        long silent = model.workerPids().get(0);

        RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(SMALL_CPU));

        assertTrue(failure.getMessage().contains("worker pid " + silent
                + " (" + modelId() + "-worker-1) sent no reply within the run's timeout of 2 s; it is still running"),
                failure.getMessage());
        assertInstanceOf(WorkerFailedException.class, failure.getCause());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aChattyWorkerNeverBlocksAndTheEndOfItsStderrIsReported() {
        WorkerFailedException failure = assertThrows(WorkerFailedException.class,
                () -> newModel(1, ChattyWorkerMain.class, Duration.ofMinutes(1), line -> { }));

        assertEquals(ChattyWorkerMain.EXIT_STATUS, failure.exitCode().orElseThrow(), failure.getMessage());
        assertTrue(failure.getMessage().contains("exited with code 7 before it was ready"), failure.getMessage());
        assertTrue(failure.stderrTail().endsWith(ChattyWorkerMain.lineText(ChattyWorkerMain.LINES)), failure.stderrTail());
        assertFalse(failure.stderrTail().contains(ChattyWorkerMain.lineText(1) + "\n"), "only the tail is kept");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aContentionRunCountsInAFileThatIsDeletedWhenTheRunEnds(@TempDir Path base) throws Exception {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        Workload contention = Workloads.create("contention", Map.of("workers", "6", "updates", "300", "locks", "2"));

        assertEquals(contention.expected(), SharedFolderBase.run(base, model, contention));

        assertEquals(List.of(), SharedFolderBase.filesIn(base), "the counter file and its folder are deleted with the run");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void closeEndsEveryWorkerProcess() {
        ProcessPoolModel model = new ProcessPoolModel(transport(), 3);
        List<ProcessHandle> workers = model.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
        assertTrue(workers.stream().allMatch(ProcessHandle::isAlive));

        model.close();

        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "a worker outlived close()");
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theWorkersTakeOrdersWhileTheyServeAndStayAfterTheServerCloses() throws Exception {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        List<Long> before = model.workerPids();
        Serve serve = new Serve(100, 1, 10);

        try (Server server = model.serve(serve, 0)) {
            assertEquals(SMALL_CPU.expected(), model.run(SMALL_CPU), "a run while the workers serve");
            assertEquals(3, HttpTestClient.askInTurn(server.address(), 0, 3, serve.units(), serve.expectedBodies()));
        }

        assertEquals(before, model.workerPids(), "workers that stopped serving stay for the model's other work");
        assertEquals(SMALL_CPU.expected(), model.run(SMALL_CPU));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWorkerThatDiesWhileServingLeavesTheOthersServingAndCloseReturns() throws Exception {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        Serve serve = new Serve(100, 1, 10);
        Server server = model.serve(serve, 0);
        ProcessHandle victim = ProcessHandle.of(model.workerPids().get(0)).orElseThrow();

        victim.destroyForcibly();
        victim.onExit().get(1, TimeUnit.MINUTES);

        for (int client = 0; client < 8; client++) {
            assertEquals(2, HttpTestClient.askInTurn(server.address(), client, 2, serve.units(), serve.expectedBodies()),
                    "the survivor's listener takes every new connection");
        }
        server.close();
        assertThrows(ConnectException.class, () -> new Socket(server.address().getAddress(),
                server.address().getPort()).close(), "the port still accepts after close()");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWorkerThatDoesNotAnswerServeFailsTheStartAndIsEnded() {
        ProcessPoolModel model = newModel(1, SilentWorkerMain.class, Duration.ofSeconds(2), line -> { });
        ProcessHandle silent = ProcessHandle.of(model.workerPids().get(0)).orElseThrow();

        IOException failure = assertThrows(IOException.class, () -> model.serve(new Serve(100, 0, 10), 0));

        assertTrue(failure.getMessage().contains("could not start: worker " + modelId() + "-worker-1(pid " + silent.pid()
                + ") did not answer within 2 s"), failure.getMessage());
        assertFalse(silent.isAlive(), "a worker that does not answer its server is ended");
    }

    static CompletableFuture<Throwable> runInBackground(ConcurrencyModel model, Workload workload) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofPlatform().name("test-caller").start(() -> {
            try {
                model.run(workload);
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        return outcome;
    }
}
