package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.junit.jupiter.api.Test;

/** A workload is checked against the model's limits before its first run, not before every run of it. */
class AbstractConcurrencyModelTest {

    /** Refuses batches of more than 10 units; counts how often it was asked. */
    private static final class Counting extends AbstractConcurrencyModel {

        final AtomicInteger checks = new AtomicInteger();

        Counting() {
            super("counting", 1);
        }

        @Override
        public Optional<String> limit(Workload workload) {
            checks.incrementAndGet();
            return workload instanceof Batch batch && batch.units() > 10 ? Optional.of("units must be at most 10")
                    : Optional.empty();
        }

        @Override
        protected long runBatch(Batch batch) {
            return batch.units();
        }

        @Override
        protected long runTree(Tree tree) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected long runRelay(Relay relay) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected long runContention(Contention contention) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Server startServer(Serve serve, InetSocketAddress address) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void shutdown() {
        }
    }

    @Test
    void aWorkloadWithinTheLimitsIsCheckedOnceForAllItsRuns() throws InterruptedException {
        try (Counting model = new Counting()) {
            Batch batch = new Batch("spawn", new Identity(), 5);

            for (int run = 0; run < 3; run++) {
                assertEquals(5, model.run(batch));
            }

            assertEquals(1, model.checks.get());
            model.run(new Batch("spawn", new Identity(), 6));
            assertEquals(2, model.checks.get(), "another workload is checked on its own");
        }
    }

    @Test
    void aWorkloadBeyondTheLimitsIsRefusedEveryTime() {
        try (Counting model = new Counting()) {
            Batch tooLarge = new Batch("spawn", new Identity(), 11);

            for (int run = 0; run < 2; run++) {
                IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> model.run(tooLarge));
                assertTrue(refused.getMessage().contains("units must be at most 10"), refused.getMessage());
            }
            assertEquals(2, model.checks.get());
        }
    }
}
