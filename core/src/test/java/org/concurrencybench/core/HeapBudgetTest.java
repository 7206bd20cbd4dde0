package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeapBudgetTest {

    private static final long ONE_GIGABYTE = 1L << 30;

    @Test
    void theShareOfTheHeapLessWhatTheRunHoldsOnceIsDividedAmongTheTasks() {
        assertEquals(ONE_GIGABYTE / 2 / 100, new HeapBudget(ONE_GIGABYTE, HeapBudget.HALF_THE_HEAP).fits(100, 0));
        assertEquals(ONE_GIGABYTE / 512, new HeapBudget(ONE_GIGABYTE, HeapBudget.WHOLE_HEAP).fits(512, 0));
        assertEquals((ONE_GIGABYTE - 1_000) / 512, new HeapBudget(ONE_GIGABYTE, HeapBudget.WHOLE_HEAP).fits(512, 1_000));
        assertEquals(0, new HeapBudget(ONE_GIGABYTE, HeapBudget.WHOLE_HEAP).fits(512, 2 * ONE_GIGABYTE));
    }

    @Test
    void tooManyTasksAreRefusedNamingTheParameterItsValueWhatFitsAndTheHeap() {
        HeapBudget half = new HeapBudget(ONE_GIGABYTE, HeapBudget.HALF_THE_HEAP);

        String reason = half.check("hops", 1_000_000_000, 64, "each hop's stage waits for the next").orElseThrow();

        assertEquals("hops must be at most 8,388,608 in this JVM, got 1,000,000,000: each hop's stage waits for the next;"
                + " at about 64 bytes of heap each, 8,388,608 fill 50% of its heap (-Xmx 1,024 MB); a larger -Xmx allows"
                + " more", reason);
        assertEquals(Optional.empty(), half.check("hops", 8_388_608, 64, "each hop's stage waits for the next"));
    }

    @Test
    void aCountThatFollowsFromOtherParametersIsWordedByTheCaller() {
        HeapBudget whole = new HeapBudget(256L << 20, HeapBudget.WHOLE_HEAP);

        String reason = whole.check("nodes", "width=10 and depth=6 (1,111,111 nodes)", 1_111_111, 512,
                "every node is kept until it is joined").orElseThrow();

        assertTrue(reason.startsWith("nodes must be at most 524,288 in this JVM, got width=10 and depth=6 (1,111,111"
                + " nodes): every node is kept until it is joined;"), reason);
        assertTrue(reason.contains("100% of its heap (-Xmx 256 MB)"), reason);
    }

    @Test
    void aContentionWeighsItsCounterStripesBesidesItsWorkers() {
        HeapBudget whole = new HeapBudget(2 * ONE_GIGABYTE, HeapBudget.WHOLE_HEAP);
        Contention pinning = (Contention) Workloads.create("pinning", Map.of("workers", "900000", "locks", "900000"));

        String reason = whole.check(pinning, 2_048, HeapBudget.BYTES_PER_COUNTER_STRIPE, "every worker waits").orElseThrow();

        long fits = (2 * ONE_GIGABYTE - 900_000 * HeapBudget.BYTES_PER_COUNTER_STRIPE) / 2_048;
        assertTrue(reason.startsWith("workers must be at most " + Checks.format(fits)
                + " in this JVM, got workers=900,000 with locks=900,000: every worker waits;"), reason);
        assertTrue(reason.contains("2,048 bytes of heap each besides 900,000 stripes of the shared counter at "
                + HeapBudget.BYTES_PER_COUNTER_STRIPE + " bytes each"), reason);
    }

    @Test
    void aShareOutsideTheHeapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeapBudget(ONE_GIGABYTE, 0));
        assertThrows(IllegalArgumentException.class, () -> new HeapBudget(ONE_GIGABYTE, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new HeapBudget(0, HeapBudget.WHOLE_HEAP));
    }
}
