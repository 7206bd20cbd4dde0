package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadPoolModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return ThreadPoolModel.ID;
    }

    @Test
    void aTreeTooBigToQueueIsRefusedNamingTheLeavesAndWhatFits() {
        ConcurrencyModel model = newModel(1);

        String reason = model.limit(new Tree("tree", 10, 9)).orElseThrow();

        assertTrue(reason.startsWith("width^depth (the leaves) must be at most "), reason);
        assertTrue(reason.contains("got 1,000,000,000: the pool's queue is first-in first-out"), reason);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void keptAliveConnectionsBetweenRequestsHoldNoHandlerThread() throws Exception {
        ConcurrencyModel model = newModel(1);
        Serve serve = new Serve(100, 0, 10, 1);
        List<ServeClient> open = new ArrayList<>();
        try (Server server = model.serve(serve, 0)) {
            for (int connection = 0; connection < 5; connection++) {
                ServeClient client = ServeClient.connect(server.address());
                open.add(client);
                // a handler thread blocked on each connection would leave this one unanswered
                assertEquals(200, client.ask(connection).status(), "connection " + connection + " while "
                        + connection + " kept-alive ones and one handler thread");
            }
        } finally {
            for (ServeClient client : open) {
                client.close();
            }
        }
    }
}
