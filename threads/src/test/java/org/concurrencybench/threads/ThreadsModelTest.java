package org.concurrencybench.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadsModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return ThreadsModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyUnitRunsOnItsOwnPlatformThreadNamedAfterTheModel() throws Exception {
        ConcurrencyModel model = newModel(1);
        int units = 4;
        long startedBefore = Probe.startedUnits();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().name("test-caller").start(() -> {
            try {
                model.run(new Batch("probe", new Probe(-1, HOLD_MS), units));
                outcome.complete(null);
            } catch (Throwable thrown) {
                outcome.complete(thrown);
            }
        });
        assertTrue(Probe.awaitStarted(startedBefore + units, 1, TimeUnit.MINUTES), "the units did not start");

        List<Thread> unitThreads = liveThreadsNamed("threads-unit-");
        caller.interrupt();

        assertEquals(units, unitThreads.size(), "one thread per unit: " + unitThreads);
        assertTrue(unitThreads.stream().noneMatch(Thread::isVirtual), "unit threads should be platform threads");
        assertInstanceOf(InterruptedException.class, outcome.get());
        caller.join();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void noThreadOfARunIsAliveWhenTheRunReturns() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        for (Workload workload : smallWorkloads()) {
            model.run(workload);

            assertEquals(List.of(), liveThreadsNamed(modelId() + "-"), "threads left by " + workload.describe());
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aUnitThatFailsAfterItsSiblingsStartedEndsThemAllBeforeTheRunThrows() {
        ConcurrencyModel model = newModel(2);
        int lastUnit = 7;

        RunFailedException failure = assertThrows(RunFailedException.class,
                () -> model.run(new Batch("probe", new Probe(lastUnit, HOLD_MS), lastUnit + 1)));

        assertEquals(Probe.failureMessage(lastUnit), failure.getCause().getMessage());
        assertEquals(0, Probe.liveUnits(), "units still running after the run threw");
        assertEquals(List.of(), liveThreadsNamed(modelId() + "-"), "threads still alive after the run threw");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyConnectionIsServedOnItsOwnPlatformThreadNamedAfterTheModel() throws Exception {
        ConcurrencyModel model = newModel(2);
        int connections = 3;
        List<Socket> clients = new ArrayList<>();
        try (Server server = model.serve(new Serve(100, Sleep.MAX_DELAY_MS, 10), 0)) {
            for (int client = 0; client < connections; client++) {
                clients.add(new Socket(server.address().getAddress(), server.address().getPort()));
            }
            List<Thread> connectionThreads = liveThreadsNamed("threads-serve-connection-");
            while (connectionThreads.size() < connections) {
                Thread.sleep(10);
                connectionThreads = liveThreadsNamed("threads-serve-connection-");
            }

            assertEquals(connections, connectionThreads.size(), "one thread per connection: " + connectionThreads);
            assertTrue(connectionThreads.stream().noneMatch(Thread::isVirtual), "connection threads: " + connectionThreads);
            assertEquals(1, liveThreadsNamed("threads-serve-accept").size(), "one accept thread");
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    private static List<Thread> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith(prefix))
                .toList();
    }
}
