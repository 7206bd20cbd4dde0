package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ForkJoinModelTest extends ConcurrencyModelContractTest {

    @Override
    protected String modelId() {
        return ForkJoinModel.ID;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void blockingUnitsRunAsManagedBlocksSoTheyAllStartOnOneCore() throws Exception {
        ConcurrencyModel model = newModel(1);
        Batch holding = new Batch("probe", new Probe(-1, HOLD_MS), 4);
        long startedBefore = Probe.startedUnits();
        HeldRun run = HeldRun.start(model, holding);

        assertTrue(Probe.awaitStarted(startedBefore + 4, 1, TimeUnit.MINUTES),
                "a blocked unit kept the only worker: the pool added no spare");

        assertInstanceOf(InterruptedException.class, run.interrupt());
        assertEquals(0, Probe.liveUnits(), "units still running after the interrupted run ended");
    }
}
