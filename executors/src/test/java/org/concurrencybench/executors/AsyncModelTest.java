package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsyncModelTest extends ConcurrencyModelContractTest {

    /**
     * The delay an io unit asks for when the test's own server decides when to answer: it only
     * sets the client's read timeout ({@link Request#ANSWER_GRACE_MS} beyond it), which is then
     * far longer than any of the server's hang guards.
     */
    private static final long LONG_DELAY_MS = 60_000;

    @Override
    protected String modelId() {
        return AsyncModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void waitingUnitsHoldNoThreadSoTheyAllStartOnOnePoolThread() throws Exception {
        ConcurrencyModel model = newModel(1);
        Batch holding = new Batch("probe", new Probe(-1, HOLD_MS), 4);
        long startedBefore = Probe.startedUnits();
        HeldRun run = HeldRun.start(model, holding);

        assertTrue(Probe.awaitStarted(startedBefore + 4, 1, TimeUnit.MINUTES),
                "a waiting unit kept the only pool thread");

        assertInstanceOf(InterruptedException.class, run.interrupt());
        assertEquals(0, Probe.liveUnits(), "units still running after the interrupted run ended");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void tickersPrintTheNotebooksLinesInOrderFromPoolThreads() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        Batch tickers = new Batch("demo", new Ticker(1, 2), 2);

        List<String> lines = ExecutorModelsTest.printedBy(() -> assertAnswer(model, tickers));

        for (int unit = 0; unit < 2; unit++) {
            String name = Ticker.workerName(unit);
            List<String> own = lines.stream().filter(line -> line.endsWith(" " + name) || line.startsWith(name + ":"))
                    .toList();
            String tick = Pattern.quote(name) + ": \\d\\d:\\d\\d:\\d\\d\\.\\d{3} on async-worker-\\d+ \\(pid "
                    + ProcessHandle.current().pid() + "\\)";
            assertEquals(4, own.size(), String.join("\n", lines));
            assertEquals("Starting " + name, own.get(0));
            assertTrue(own.get(1).matches(tick), own.get(1));
            assertTrue(own.get(2).matches(tick), own.get(2));
            assertEquals("Exiting " + name, own.get(3));
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void twoHundredWaitingRequestsAreInFlightAtOnceOnOnePoolThread() throws Exception {
        ConcurrencyModel model = newModel(1);
        try (HeldAnswersServer server = HeldAnswersServer.start()) {
            Batch requests = new Batch("io", new Request(server.port(), LONG_DELAY_MS), 200);
            startTheJvmsTimerForCompletableFutures();
            int threadsBefore = liveThreads().size();
            HeldRun run = HeldRun.start(model, requests);

            assertTrue(server.awaitHeld(200, 1, TimeUnit.MINUTES),
                    "only " + server.held() + " of 200 requests reached the server at once: waiting units hold threads");
            List<String> poolThreads = liveThreads().stream().filter(name -> name.startsWith("async-")).toList();
            // the run's caller, the pool thread and the channel group's timer for read timeouts
            // start now; a thread per waiting unit would be 200 more
            int threadsAdded = liveThreads().size() - threadsBefore;
            server.answerAll();

            assertEquals(requests.expected(), run.answer());
            assertEquals(1, poolThreads.size(), "the pool's threads: " + poolThreads);
            assertTrue(threadsAdded <= 3, threadsAdded + " threads were started while 200 requests waited");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void interruptingAnIoRunClosesTheSocketsOfItsWaitingRequests() throws Exception {
        ConcurrencyModel model = newModel(1);
        try (HeldAnswersServer server = HeldAnswersServer.start()) {
            HeldRun run = HeldRun.start(model, new Batch("io", new Request(server.port(), LONG_DELAY_MS), 20));
            assertTrue(server.awaitHeld(20, 1, TimeUnit.MINUTES), "only " + server.held() + " of 20 requests arrived");

            assertInstanceOf(InterruptedException.class, run.interrupt());

            assertEquals(List.of(), server.unitsTheClientKeptOpen(), "units whose socket the cancelled run left open");
        }
        assertIoStillWorks(model);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aWrongAnswerFailsTheRunAndClosesTheSocketsOfTheOtherRequests() throws Exception {
        ConcurrencyModel model = newModel(2);
        try (HeldAnswersServer server = HeldAnswersServer.start()) {
            HeldRun run = HeldRun.start(model, new Batch("io", new Request(server.port(), LONG_DELAY_MS), 20));
            assertTrue(server.awaitHeld(20, 1, TimeUnit.MINUTES), "only " + server.held() + " of 20 requests arrived");

            server.answer(7, 42);

            RunFailedException failure = assertInstanceOf(RunFailedException.class, run.thrown());
            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertTrue(failure.getCause().getMessage().contains("answered unit 7 with 42, expected 22"),
                    failure.getCause().getMessage());
            assertEquals(List.of(), server.unitsTheClientKeptOpen(), "units whose socket the failed run left open");
        }
        assertIoStillWorks(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synchronized", "reentrant"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void contentionThatWaitsInsideTheLockGivesEveryUpdateThroughTheAsyncMutex(String lock) throws InterruptedException {
        ConcurrencyModel model = newModel(1);
        Workload contention = Workloads.create("contention", Map.of("workers", "6", "updates", "5", "lock", lock,
                "holdMs", "1", "locks", "2"));

        for (int round = 1; round <= 2; round++) {
            assertEquals(contention.expected(), model.run(contention), lock + ", round " + round);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anInterruptedContentionEndsItsHoldersWaitsInsteadOfWaitingThemOut() throws Exception {
        ConcurrencyModel model = newModel(1);
        // a minute inside the lock per update, four updates in turn: only ending the waits ends the run in time
        Workload contention = Workloads.create("contention", Map.of("workers", "4", "updates", "1",
                "holdMs", "60000"));
        HeldRun run = HeldRun.start(model, contention);

        assertInstanceOf(InterruptedException.class, run.interrupt());

        Workload quick = Workloads.create("contention", Map.of("workers", "3", "updates", "2", "holdMs", "1"));
        assertEquals(quick.expected(), model.run(quick), "the model should still work after the interrupted run");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void parkedUnitsOfAnInterruptedRunAreNoLongerAlive() {
        ConcurrencyModel model = newModel(1);
        Batch parked = new Batch("park", new Park(HOLD_MS), 50, 16);
        // interrupted before it starts, the run still starts every unit and then sees the interrupt
        Thread.currentThread().interrupt();

        assertThrows(InterruptedException.class, () -> model.run(parked));

        assertFalse(Thread.interrupted(), "the interrupt should be consumed by the exception");
        assertEquals(0, Park.alive(), "parked units still alive after the interrupted run");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void closingTheModelEndsTheThreadsItsChannelGroupStarted() throws InterruptedException {
        startTheJvmsTimerForCompletableFutures();
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        ConcurrencyModel model = newModel(2);
        assertIoStillWorks(model);
        // the pool's threads, and the JDK's poller and timer of the model's channel group
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive()).toList();

        model.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread thread : started) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        assertEquals(List.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).toList(),
                "threads the model started are alive after close()");
    }

    private static void assertIoStillWorks(ConcurrencyModel model) throws InterruptedException {
        try (OpenWorkload io = Workloads.open("io", smallIo())) {
            assertEquals(io.workload().expected(), model.run(io.workload()), "the model should still do io");
        }
    }

    /** The JVM starts it once, at the first timed future, and it lives as long as the JVM: not a thread of the model. */
    private static void startTheJvmsTimerForCompletableFutures() {
        new CompletableFuture<Void>().completeOnTimeout(null, 1, TimeUnit.MILLISECONDS).join();
    }

    private static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static long assertAnswer(ConcurrencyModel model, Batch batch) throws InterruptedException {
        long answer = model.run(batch);
        assertEquals(batch.expected(), answer);
        return answer;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void requestsInTheirDelayHoldNoThreadSoEveryConnectionsRequestWaitsAtOnceOnOnePoolThread() throws Exception {
        ConcurrencyModel model = newModel(1);
        // one at a time, 200 delays of a second would outlast the hang guard
        Serve serve = new Serve(100, 1_000, 200);
        IntFunction<byte[]> expected = serve.expectedBodies();
        List<ServeClient> clients = new ArrayList<>();
        try (Server server = model.serve(serve, 0)) {
            for (int unit = 0; unit < serve.units(); unit++) {
                ServeClient client = ServeClient.connect(server.address());
                clients.add(client);
                client.send(ServeClient.get(unit));
            }
            for (int unit = 0; unit < serve.units(); unit++) {
                assertArrayEquals(expected.apply(unit), clients.get(unit).read().body(),
                        "body of unit " + unit);
            }
        } finally {
            for (ServeClient client : clients) {
                client.close();
            }
        }
    }
}
