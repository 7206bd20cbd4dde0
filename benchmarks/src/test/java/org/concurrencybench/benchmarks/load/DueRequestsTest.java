package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DueRequestsTest {

    @Test
    void requestsLeaveInTheOrderTheyCameDueAcrossGrowth() {
        DueRequests due = new DueRequests();
        long next = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3_000; i++) {
                due.add(100 + round * 3_000L + i, (100 + round * 3_000L + i) * 10);
            }
            for (int i = 0; i < 3_000; i++) {
                assertEquals(100 + next, due.firstNumber());
                assertEquals((100 + next) * 10, due.firstIntended());
                due.removeFirst();
                next++;
            }
        }
        assertTrue(due.isEmpty());
    }

    @Test
    void aRequestOutOfOrderIsRefused() {
        DueRequests due = new DueRequests();
        due.add(5, 50);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> due.add(7, 70));

        assertEquals("request 7 added out of order after 5", refused.getMessage());
    }
}
