package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the servers of this module's four models do beyond the suite's serve contract. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExecutorServersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void manyKeptAliveConnectionsAtOnceAreEachAnsweredInTurn(String id) throws Exception {
        Serve serve = new Serve(100, 1, 1_000, 8);
        IntFunction<byte[]> expected = serve.expectedBodies();
        int connections = 300;
        int requests = 5;
        try (ConcurrencyModel model = ModelRegistry.create(id, 2);
             Server server = model.serve(serve, 0);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int connection = 0; connection < connections; connection++) {
                int first = connection;
                answered.add(clients.submit(() -> {
                    try (ServeClient client = ServeClient.connect(server.address())) {
                        for (int request = 0; request < requests; request++) {
                            int unit = (first * requests + request) % serve.units();
                            ServeClient.Response response = client.ask(unit);
                            assertEquals(200, response.status(), "status of unit " + unit);
                            assertArrayEquals(expected.apply(unit), response.body(), "body of unit " + unit);
                        }
                    }
                    return requests;
                }));
            }
            for (Future<Integer> client : answered) {
                assertEquals(requests, client.get(), "answers on one connection");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void pipelinedRequestsAreAnsweredInTheirOrder(String id) throws Exception {
        Serve serve = new Serve(10, 0, 1_000);
        IntFunction<byte[]> expected = serve.expectedBodies();
        int requests = 20_000;
        StringBuilder pipelined = new StringBuilder();
        for (int request = 0; request < requests; request++) {
            pipelined.append(ServeClient.get(request * 7 % serve.units()));
        }
        try (ConcurrencyModel model = ModelRegistry.create(id, 2);
             Server server = model.serve(serve, 0);
             ServeClient client = ServeClient.connect(server.address(), 4 * 1024);
             ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor()) {
            // sent while the responses are read: the server reads no more requests while its writes wait for the client
            Future<?> sent = sender.submit(() -> {
                client.send(pipelined.toString());
                return null;
            });
            for (int request = 0; request < requests; request++) {
                int unit = request * 7 % serve.units();
                ServeClient.Response response = client.read();
                assertEquals(200, response.status(), "status of request " + request);
                assertArrayEquals(expected.apply(unit), response.body(), "body of request " + request + ", unit " + unit);
            }
            sent.get();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ThreadPoolModel.ID, ForkJoinModel.ID, CompletableFutureModel.ID, AsyncModel.ID})
    void closingTheServerEndsItsThreadsWhileTheModelStaysOpen(String id) throws Exception {
        Serve serve = new Serve(100, 60_000, 10, 4);
        try (ConcurrencyModel model = ModelRegistry.create(id, 2)) {
            Server server = model.serve(serve, 0);
            try (ServeClient waiting = ServeClient.connect(server.address())) {
                waiting.send(ServeClient.get(1));
                if (!id.equals(AsyncModel.ID)) {
                    awaitAHandlerInItsWait(id);
                }

                server.close();

                assertEquals(List.of(), serveThreads(id), "threads of the server alive after its close()");
                assertThrows(IOException.class, waiting::read, "a request in progress answered after close()");
            }
            Workload cpu = Workloads.create("cpu", Map.of("limit", "20000", "units", "4"));
            assertEquals(cpu.expected(), model.run(cpu), "the model runs work after its server closed");
        }
    }

    /** Returns once a thread of the server's pool is in the request's sleep; async's wait holds no thread. */
    private static void awaitAHandlerInItsWait(String id) throws InterruptedException {
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(thread -> thread.getName().startsWith(id + "-serve-")
                && !thread.getName().startsWith(id + "-serve-poller") && thread.getState() == Thread.State.TIMED_WAITING)) {
            Thread.sleep(10);
        }
    }

    private static List<String> serveThreads(String id) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(id + "-serve-")).toList();
    }
}
