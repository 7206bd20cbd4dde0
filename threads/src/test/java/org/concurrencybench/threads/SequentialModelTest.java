package org.concurrencybench.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.serve.Serve;
import org.junit.jupiter.api.Test;

class SequentialModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return SequentialModel.ID;
    }

    @Test
    void everyUnitRunsOnTheCallingThread() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        int threadsBefore = Thread.activeCount();
        Workload workload = Workloads.create("spawn", Map.of("units", "1000"));

        assertEquals(workload.expected(), model.run(workload));
        assertTrue(Thread.activeCount() <= threadsBefore, "sequential started a thread");
    }

    @Test
    void waitingWorkThatAddsUpToMoreThanItsBoundIsRefusedWithTheSum() {
        ConcurrencyModel model = newModel(1);

        Optional<String> defaults = model.limit(Workloads.create("blocking", Map.of()));
        Optional<String> small = model.limit(Workloads.create("blocking", Map.of("units", "10", "delayMs", "5")));

        assertTrue(defaults.orElseThrow().contains("10,000 ms per operation"), defaults.orElseThrow());
        assertEquals(Optional.empty(), small);
    }

    @Test
    void computingWorkIsNeverRefused() {
        ConcurrencyModel model = newModel(1);

        for (String id : new String[] {"cpu", "spawn", "tree", "handoff", "transfer", "contention"}) {
            assertEquals(Optional.empty(), model.limit(Workloads.create(id, Map.of())), id);
        }
    }

    @Test
    void servingIsRefusedBeforeAnythingStartsWithTheReasonItHasNoServer() {
        ConcurrencyModel model = newModel(1);
        Serve serve = new Serve(100, 10, 64);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> model.serve(serve, 0));

        assertEquals(Optional.of(SequentialModel.NO_SERVER), model.limit(serve));
        assertTrue(refused.getMessage().contains(SequentialModel.NO_SERVER), refused.getMessage());
    }
}
