package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.concurrencybench.core.serve.HttpTestClient;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every model keeps, written once and extended once per model:
 * {@code class VirtualModelTest extends ConcurrencyModelContractTest}. See
 * {@link ConcurrencyModel} for the contract in words.
 *
 * <p>The {@code @Timeout}s are hang guards, not timings: a unit of a failing or interrupted
 * run holds for ten minutes unless the model cancels it, so a model that waits for it fails
 * the test instead of passing slowly.
 */
public abstract class ConcurrencyModelContractTest {

    /** Long enough that only cancellation ends it within a test's hang guard. */
    protected static final long HOLD_MS = 600_000;

    private final List<ConcurrencyModel> opened = new ArrayList<>();

    /** The id of the model under test. */
    protected abstract String modelId();

    /**
     * Whether the model runs units in this JVM, so that {@link Probe}'s counters see them.
     * Process models answer false and check their workers their own way.
     */
    protected boolean unitsRunInThisJvm() {
        return true;
    }

    /** A new model with P cores, from the registry; closed after each test. */
    protected ConcurrencyModel newModel(int parallelism) {
        return track(ModelRegistry.create(modelId(), parallelism));
    }

    /** Closes {@code model} after the test and checks that nothing of it is left. */
    protected final ConcurrencyModel track(ConcurrencyModel model) {
        opened.add(model);
        return model;
    }

    /** Every kind at small sizes, edge cases included: one unit, fewer units than cores, a single hop. */
    public static List<Workload> smallWorkloads() {
        return List.of(
                Workloads.create("cpu", Map.of("limit", "50000", "units", "8")),
                Workloads.create("cpu", Map.of("limit", "1000", "units", "1")),
                Workloads.create("blocking", Map.of("units", "20", "delayMs", "1")),
                Workloads.create("mixed", Map.of("units", "20", "work", "500", "delayMs", "1")),
                Workloads.create("spawn", Map.of("units", "300")),
                Workloads.create("tree", Map.of("width", "3", "depth", "4")),
                Workloads.create("tree", Map.of("width", "10", "depth", "2")),
                Workloads.create("handoff", Map.of("workers", "2", "hops", "1000")),
                Workloads.create("handoff", Map.of("workers", "5", "hops", "101")),
                Workloads.create("handoff", Map.of("workers", "3", "hops", "1")),
                Workloads.create("spawn", Map.of("units", "50", "payload", "1000")),
                Workloads.create("transfer", Map.of("units", "6", "payload", "100003")),
                new Batch("park", new Park(1), 20),
                Workloads.create("contention", Map.of("workers", "4", "updates", "2000")),
                Workloads.create("contention", Map.of("workers", "3", "updates", "500", "lock", "reentrant",
                        "locks", "2")),
                Workloads.create("contention", Map.of("workers", "5", "updates", "1000", "lock", "atomic")),
                Workloads.create("contention", Map.of("workers", "3", "updates", "3", "lock", "reentrant",
                        "holdMs", "1")),
                Workloads.create("pinning", Map.of("workers", "8", "updates", "2", "holdMs", "1", "locks", "8")));
    }

    /**
     * The workloads {@code everySmallWorkloadGivesItsExpectedAnswerTwiceOnOneModel} runs: {@link
     * #smallWorkloads()}. A model that pays a process start per task may give the same kinds and
     * edge cases at fewer tasks, so that the check stays within its time on a busy machine.
     */
    protected List<Workload> workloadsToRunTwice() {
        return smallWorkloads();
    }

    /** io at a small size; it calls the server of the open workload it is taken from. */
    public static Map<String, String> smallIo() {
        return Map.of("units", "50", "delayMs", "1", "payload", "16");
    }

    @AfterEach
    void closeEveryModelAndCheckNothingOfItIsLeft() {
        opened.forEach(ConcurrencyModel::close);
        opened.clear();
        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(modelId() + "-"))
                .toList();
        assertEquals(List.of(), threads, "threads of " + modelId() + " still alive after close()");
        List<Long> children = ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid).toList();
        assertEquals(List.of(), children, "child processes still alive after close() of " + modelId());
        assertEquals(0, Park.alive(), "parked units of " + modelId() + " still waiting after close()");
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void ioUnitsGetTheirAnswersFromTheWorkloadsServer(int parallelism) throws InterruptedException {
        ConcurrencyModel model = newModel(parallelism);
        try (OpenWorkload io = Workloads.open("io", smallIo())) {
            Workload workload = io.workload();
            long answeredBefore = io.server().orElseThrow().answered();
            for (int round = 1; round <= 2; round++) {
                assertEquals(workload.expected(), model.run(workload), modelId() + " " + workload.describe()
                        + ", round " + round);
            }
            assertEquals(answeredBefore + 2L * ((Batch) workload).units(), io.server().orElseThrow().answered(),
                    "every unit should have made its own request");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void ioAgainstAServerThatIsGoneFailsWithAClearError() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        Workload orphan;
        try (OpenWorkload io = Workloads.open("io", smallIo())) {
            orphan = io.workload();
        }

        RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(orphan));

        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.append(cause.getMessage()).append(" / ");
        }
        assertTrue(chain.toString().contains("refused the connection"),
                "the failure should say the server refused: " + chain);
        assertModelStillWorks(model);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everySmallWorkloadGivesItsExpectedAnswerTwiceOnOneModel(int parallelism) {
        ConcurrencyModel model = newModel(parallelism);
        assertEquals(parallelism, model.parallelism());
        assertEquals(modelId(), model.id());
        List<Executable> checks = new ArrayList<>();
        for (Workload workload : workloadsToRunTwice()) {
            checks.add(() -> {
                assertEquals(Optional.empty(), model.limit(workload), "limit declared for a small " + workload.describe());
                for (int round = 1; round <= 2; round++) {
                    assertEquals(workload.expected(), model.run(workload),
                            modelId() + " P=" + parallelism + " " + workload.describe() + ", round " + round);
                }
            });
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void unitThatThrowsFailsTheRunWithItsCause(int parallelism) throws InterruptedException {
        ConcurrencyModel model = newModel(parallelism);
        Workload failing = new Batch("probe", new Probe(0, HOLD_MS), 8);

        RunFailedException failure = assertThrows(RunFailedException.class, () -> model.run(failing));

        Throwable cause = failure.getCause();
        assertNotNull(cause, "a failed run names its cause");
        if (unitsRunInThisJvm()) {
            assertInstanceOf(IllegalStateException.class, cause);
            assertEquals(Probe.failureMessage(0), cause.getMessage());
            assertEquals(0, Probe.liveUnits(), "units of the failed run still running after it threw");
        } else {
            assertTrue(String.valueOf(cause.getMessage()).contains(Probe.failureMessage(0)),
                    "cause should carry the unit's message, was: " + cause);
        }
        assertModelStillWorks(model);
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void interruptingTheCallerCancelsTheRunAndFreesItsUnits(int parallelism) throws Exception {
        ConcurrencyModel model = newModel(parallelism);
        Workload holding = new Batch("probe", new Probe(-1, HOLD_MS), 4);
        long startedBefore = Probe.startedUnits();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("contract-caller").start(() -> {
            try {
                model.run(holding);
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        if (unitsRunInThisJvm()) {
            assertTrue(Probe.awaitStarted(startedBefore + 1, 1, TimeUnit.MINUTES), "no unit started");
        }

        caller.interrupt();

        assertInstanceOf(InterruptedException.class, outcome.get(), "the interrupted run should throw InterruptedException");
        caller.join();
        if (unitsRunInThisJvm()) {
            assertEquals(0, Probe.liveUnits(), "units of the interrupted run still running after it threw");
        }
        assertModelStillWorks(model);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aCallerInterruptedBeforeTheRunStartsGetsInterruptedExceptionAndNoUnitStarts() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        long startedBefore = Probe.startedUnits();

        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> model.run(new Batch("probe", new Probe(-1, HOLD_MS), 4)));
        } finally {
            Thread.interrupted();
        }

        if (unitsRunInThisJvm()) {
            assertEquals(startedBefore, Probe.startedUnits(), "units started for a caller that was already interrupted");
        }
        assertModelStillWorks(model);
    }

    @Test
    void theModelSaysHowItRunsEveryWorkloadOfTheCatalog() {
        ModelDescription description = ModelRegistry.provider(modelId()).description();

        List<String> unexplained = Workloads.all().stream().filter(spec -> description.howItRuns(spec).isEmpty())
                .map(WorkloadSpec::id).toList();

        assertEquals(List.of(), unexplained, modelId() + " says nothing of how it runs these workloads");
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {1, 2})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theServerAnswersEveryRequestOfASmallLoadWithItsBody(int parallelism) throws Exception {
        ConcurrencyModel model = newModel(parallelism);
        Serve serve = new Serve(200, 2, 64);
        Assumptions.assumeTrue(model.limit(serve).isEmpty(), () -> modelId() + " declares: " + model.limit(serve).get());
        IntFunction<byte[]> expected = serve.expectedBodies();

        try (Server server = model.serve(serve, 0)) {
            List<CompletableFuture<Integer>> clients = new ArrayList<>();
            for (int client = 0; client < 6; client++) {
                int first = client;
                clients.add(CompletableFuture.supplyAsync(() -> HttpTestClient.askInTurn(server.address(), first, 12,
                        serve.units(), expected)));
            }
            for (CompletableFuture<Integer> client : clients) {
                assertEquals(12, client.get(1, TimeUnit.MINUTES), "answers checked on one kept-alive connection");
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void badRequestsAreRefusedWithTheirStatusAndTheConnectionCloses() throws Exception {
        ConcurrencyModel model = newModel(2);
        Serve serve = new Serve(100, 0, 10);
        Assumptions.assumeTrue(model.limit(serve).isEmpty(), () -> modelId() + " declares: " + model.limit(serve).get());

        try (Server server = model.serve(serve, 0)) {
            assertEquals(400, HttpTestClient.statusOf(server.address(), "GARBAGE\r\n\r\n"));
            assertEquals(404, HttpTestClient.statusOf(server.address(), "GET /unit/10 HTTP/1.1\r\nHost: x\r\n\r\n"));
            assertEquals(404, HttpTestClient.statusOf(server.address(), "GET /elsewhere HTTP/1.1\r\nHost: x\r\n\r\n"));
            assertEquals(431, HttpTestClient.statusOf(server.address(), "GET /unit/1 HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "y".repeat(9_000) + "\r\n\r\n"));
            assertEquals(200, HttpTestClient.statusOf(server.address(), "GET /unit/1 HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n"), "a good request after the bad ones");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aClientThatHangsUpMidRequestCostsTheServerNothing() throws Exception {
        ConcurrencyModel model = newModel(2);
        Serve serve = new Serve(100, 50, 10);
        Assumptions.assumeTrue(model.limit(serve).isEmpty(), () -> modelId() + " declares: " + model.limit(serve).get());

        try (Server server = model.serve(serve, 0)) {
            for (int client = 0; client < 20; client++) {
                HttpTestClient.sendAndHangUp(server.address(), client % 2 == 0 ? "GET /unit/1 HTT"
                        : "GET /unit/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            assertEquals(3, HttpTestClient.askInTurn(server.address(), 0, 3, serve.units(), serve.expectedBodies()));
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void closingTheServerWithConnectionsOpenEndsThemAndFreesItsPort() throws Exception {
        ConcurrencyModel model = newModel(2);
        Serve serve = new Serve(100, 60_000, 10);
        Assumptions.assumeTrue(model.limit(serve).isEmpty(), () -> modelId() + " declares: " + model.limit(serve).get());
        Server server = model.serve(serve, 0);
        List<java.net.Socket> clients = new ArrayList<>();
        try {
            for (int client = 0; client < 8; client++) {
                java.net.Socket socket = new java.net.Socket(server.address().getAddress(), server.address().getPort());
                if (client % 2 == 0) {
                    // waiting a minute for its answer when the server closes
                    socket.getOutputStream().write("GET /unit/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                clients.add(socket);
            }
            Thread.sleep(200);

            server.close();

            for (java.net.Socket socket : clients) {
                socket.setSoTimeout(30_000);
                assertTrue(HttpTestClient.endsWithoutAnAnswer(socket), "a connection left open after close()");
            }
            assertThrows(java.net.ConnectException.class, () -> new java.net.Socket(server.address().getAddress(),
                    server.address().getPort()).close(), "the port still accepts after close()");
        } finally {
            server.close();
            for (java.net.Socket socket : clients) {
                socket.close();
            }
        }
    }

    @Test
    void aPortInUseFailsTheStartWithABindException() throws Exception {
        ConcurrencyModel model = newModel(1);
        Serve serve = new Serve(100, 0, 10);
        Assumptions.assumeTrue(model.limit(serve).isEmpty(), () -> modelId() + " declares: " + model.limit(serve).get());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThrows(java.net.BindException.class, () -> model.serve(serve, taken.getLocalPort()));
        }
    }

    @Test
    void closeIsIdempotentAndAClosedModelRefusesWork() {
        ConcurrencyModel model = newModel(2);
        assertDoesNotThrow(model::close);
        assertDoesNotThrow(model::close);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> model.run(Workloads.create("spawn", Map.of("units", "10"))));

        assertTrue(refused.getMessage().contains(modelId()) && refused.getMessage().contains("closed"),
                "message should name the model and say it is closed: " + refused.getMessage());
    }

    @ParameterizedTest(name = "P={0}")
    @ValueSource(ints = {0, -1, Checks.MAX_PARALLELISM + 1})
    void parallelismOutsideItsRangeIsRefused(int parallelism) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> newModel(parallelism));

        assertTrue(refused.getMessage().contains("parallelism") && refused.getMessage().contains(String.valueOf(parallelism)),
                "message should name the parameter and the value: " + refused.getMessage());
    }

    @Test
    void aWorkloadPastTheModelsLimitIsRefusedBeforeAnythingStarts() {
        ConcurrencyModel model = newModel(2);
        List<Workload> candidates = new ArrayList<>();
        Workloads.all().forEach(spec -> candidates.add(spec.create()));
        candidates.add(new Batch("probe", new Probe(-1, HOLD_MS), Batch.MAX_UNITS));
        candidates.add(new Tree("tree", 10, 9));
        candidates.add(new Relay("handoff", 1_000_000, 1_000_000_000));
        candidates.add(new Batch("park", new Park(HOLD_MS), 1_000_000));
        candidates.add(Workloads.create("io", Map.of("units", "1000000")));
        candidates.add(Workloads.create("pinning", Map.of("workers", "1000000", "locks", "1000000")));
        List<Workload> limited = candidates.stream().filter(workload -> model.limit(workload).isPresent()).toList();
        Assumptions.assumeFalse(limited.isEmpty(), modelId() + " declares no limit for any candidate");
        long startedBefore = Probe.startedUnits();

        for (Workload workload : limited) {
            String reason = model.limit(workload).orElseThrow();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> model.run(workload));
            assertTrue(refused.getMessage().contains(reason), "message should give the reason: " + refused.getMessage());
        }
        assertEquals(startedBefore, Probe.startedUnits(), "units started for a refused workload");
    }

    private void assertModelStillWorks(ConcurrencyModel model) throws InterruptedException {
        Workload workload = Workloads.create("cpu", Map.of("limit", "20000", "units", "4"));
        assertEquals(workload.expected(), model.run(workload), modelId() + " should still work after the run ended");
    }
}
