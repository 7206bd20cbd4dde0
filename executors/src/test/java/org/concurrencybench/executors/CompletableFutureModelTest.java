package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CompletableFutureModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return CompletableFutureModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aHundredThousandHopRelayNeitherGrowsTheStackNorFails() throws InterruptedException {
        ConcurrencyModel model = newModel(2);
        Workload handoff = Workloads.create("handoff");

        assertEquals(100_000, model.run(handoff));
    }

    @Test
    void aRelayTooLongToKeepItsStagesIsRefusedNamingTheHopsAndWhatFits() {
        ConcurrencyModel model = newModel(1);

        String reason = model.limit(new Relay("handoff", 2, 1_000_000_000)).orElseThrow();

        assertTrue(reason.startsWith("hops must be at most "), reason);
        assertTrue(reason.contains("got 1,000,000,000: each hop's composed stage waits for the next"), reason);
    }
}
