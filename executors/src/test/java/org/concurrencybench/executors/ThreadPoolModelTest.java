package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.ConcurrencyModelContractTest;
import org.concurrencybench.core.Tree;
import org.junit.jupiter.api.Test;

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
}
