package org.concurrencybench.processes.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Park;
import org.concurrencybench.core.Probe;
import org.concurrencybench.core.Sleep;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class WorkerTimeoutsTest {

    @Test
    void aDerivedTimeoutCoversTheSleepingOfEveryUnitOnOneCore() {
        WorkerTimeouts derived = WorkerTimeouts.derived();

        Duration blocking = derived.forRun(Workloads.create("blocking"), 0).timeout();
        Duration perTask = derived.forRun(Workloads.create("blocking"), 1_000).timeout();
        Duration probe = derived.forRun(new Batch("probe", new Probe(-1, 600_000), 4), 0).timeout();

        assertEquals(WorkerTimeouts.BASE.plusSeconds(10), blocking, "1,000 units x 10 ms");
        assertEquals(blocking.plus(WorkerTimeouts.PER_JVM_START.multipliedBy(1_000)), perTask);
        assertEquals(WorkerTimeouts.BASE.plusMinutes(40), probe);
        assertTrue(derived.forRun(new Batch("blocking", new Sleep(60_000), Batch.MAX_UNITS), 0).timeout()
                .compareTo(Duration.ofDays(30)) <= 0, "never more than 30 days");
    }

    @Test
    void aDerivedTimeoutForMixedCoversItsSleepsAndItsPrimeCounting() {
        WorkerTimeouts derived = WorkerTimeouts.derived();

        Duration mixed = derived.forRun(Workloads.create("mixed"), 0).timeout();
        Duration sleepsAlone = derived.forRun(Workloads.create("blocking"), 0).timeout();

        assertTrue(mixed.compareTo(sleepsAlone) > 0, "1,000 units x 10 ms and the primes below 700,000: " + mixed);
        assertTrue(mixed.compareTo(sleepsAlone.plusSeconds(10)) < 0, "the prime counting is well under a second: " + mixed);
    }

    @Test
    void aDerivedTimeoutCoversIoDelaysParkedUnitsWaitsInsideLocksAndMovingBytes() {
        WorkerTimeouts derived = WorkerTimeouts.derived();

        Duration io = derived.forRun(Workloads.create("io", Map.of("units", "1000", "delayMs", "60")), 0).timeout();
        Duration park = derived.forRun(new Batch("park", new Park(30_000), 4), 0).timeout();
        Duration contention = derived.forRun(Workloads.create("contention", Map.of("workers", "10", "updates", "6",
                "holdMs", "1000")), 0).timeout();
        Duration transfer = derived.forRun(Workloads.create("transfer", Map.of("units", "1000", "payload", "10000000")), 0)
                .timeout();

        assertTrue(io.compareTo(WorkerTimeouts.BASE.plusSeconds(60)) > 0, "1,000 requests x 60 ms: " + io);
        assertTrue(park.compareTo(WorkerTimeouts.BASE.plusMinutes(2)) >= 0, "4 units parked 30 s each: " + park);
        assertTrue(contention.compareTo(WorkerTimeouts.BASE.plusSeconds(60)) > 0, "60 waits of 1 s inside the lock: " + contention);
        assertTrue(transfer.compareTo(WorkerTimeouts.BASE.plusSeconds(10)) > 0, "10 GB of units' bytes: " + transfer);
    }

    @Test
    void aFixedTimeoutIsUsedForRunsStartUpAndAsTheGraceWhenShorter() {
        WorkerTimeouts fixed = WorkerTimeouts.fixed(Duration.ofSeconds(2));

        assertEquals(Duration.ofSeconds(2), fixed.forRun(Workloads.create("blocking"), 1_000).timeout());
        assertEquals(Duration.ofSeconds(2), fixed.forStart());
        assertEquals(Duration.ofSeconds(2), fixed.cancelGrace());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void theSystemPropertyIsAWholeNumberOfSeconds() {
        String before = System.getProperty(WorkerTimeouts.PROPERTY);
        try {
            System.setProperty(WorkerTimeouts.PROPERTY, "90");
            assertEquals(Duration.ofSeconds(90), WorkerTimeouts.fromSystemProperty().forStart());

            System.setProperty(WorkerTimeouts.PROPERTY, "soon");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, WorkerTimeouts::fromSystemProperty);
            assertEquals("bench.worker.timeoutSeconds must be a whole number of seconds between 1 and 2,592,000, got 'soon'",
                    refused.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(WorkerTimeouts.PROPERTY);
            } else {
                System.setProperty(WorkerTimeouts.PROPERTY, before);
            }
        }
    }
}
