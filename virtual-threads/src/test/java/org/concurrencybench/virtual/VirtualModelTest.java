package org.concurrencybench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.LockKind;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.WhoRuns;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VirtualModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return VirtualModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyUnitRunsOnAVirtualThreadNamedAfterTheModel() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        int units = 4;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            model.run(new Batch("who-runs", new WhoRuns(), units));
        } finally {
            System.setOut(standardOutput);
        }

        List<String> threadLines = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("assigned to thread:"))
                .toList();
        assertEquals(units, threadLines.size(), "one line per unit: " + threadLines);
        assertTrue(threadLines.stream().allMatch(line -> line.matches(".*: virtual virtual-unit #\\d+ on carrier .*")),
                "every unit should say it ran on a virtual thread named virtual-unit, and its id: " + threadLines);
        assertEquals(units, threadLines.stream().map(line -> line.replaceAll(".*#(\\d+).*", "$1")).distinct().count(),
                "a thread of its own per unit: " + threadLines);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyConnectionIsServedOnAVirtualThreadOfItsOwnWhichCloseEnds() throws Exception {
        ConcurrencyModel model = newModel(2);
        int connections = 3;
        List<Socket> clients = new ArrayList<>();
        Server server = model.serve(new Serve(100, Sleep.MAX_DELAY_MS, 10), 0);
        try {
            for (int client = 0; client < connections; client++) {
                Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
                clients.add(socket);
                // its thread computes the slice and then sleeps a minute
                socket.getOutputStream().write("GET /unit/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
            List<String> connectionThreads = VirtualThreadDump.namesStartingWith("virtual-serve-connection-");
            while (connectionThreads.size() < connections) {
                Thread.sleep(50);
                connectionThreads = VirtualThreadDump.namesStartingWith("virtual-serve-connection-");
            }
            List<Thread> acceptThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("virtual-serve-accept")).toList();

            assertEquals(connections, connectionThreads.size(), "a virtual thread per connection: " + connectionThreads);
            assertEquals(1, acceptThreads.size(), "one platform thread accepts: " + acceptThreads);

            server.close();

            assertEquals(List.of(), VirtualThreadDump.namesStartingWith("virtual-serve-"),
                    "virtual threads of the server alive after close()");
        } finally {
            server.close();
            for (Socket client : clients) {
                client.close();
            }
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
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void sizesBeyondWhatPlatformThreadsMayHoldAliveRunToTheirAnswer() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        List<Workload> workloads = List.of(
                new Batch("blocking", new Probe(-1, 1), 20_000),
                new Tree("tree", 10, 4),
                new Relay("handoff", 20_000, 40_001));

        for (Workload workload : workloads) {
            assertEquals(workload.expected(), model.run(workload), workload.describe());
        }
    }

    /**
     * The pinning probe: each worker waits inside its own lock, so nobody contends and the
     * answer is one update per worker whether or not the JDK pins the waiting virtual threads.
     */
    @ParameterizedTest(name = "lock={0}")
    @EnumSource(value = LockKind.class, names = {"SYNCHRONIZED", "REENTRANT"})
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyPinningWorkerMakesItsUpdateWhileWaitingInsideItsOwnLock(LockKind lock) throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        Workload pinning = Workloads.create("pinning",
                Map.of("workers", "8", "updates", "1", "holdMs", "1", "locks", "8", "lock", lock.id()));

        assertEquals(8, model.run(pinning), pinning.describe());
        assertEquals(pinning.expected(), model.run(pinning), pinning.describe() + ", second run");
    }
}
