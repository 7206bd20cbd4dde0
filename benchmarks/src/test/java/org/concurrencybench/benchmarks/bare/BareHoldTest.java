package org.concurrencybench.benchmarks.bare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Park;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every memory twin holds its tasks alive at once, counted by the workload's own {@link Park},
 * and leaves none alive once closed or once the parks are over; every model with many tasks
 * alive at once has one.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class BareHoldTest {

    private static final int TASKS = 200;

    @Test
    void everyTwinHoldsAllItsTasksUntilClosedAndThenNone() throws InterruptedException {
        for (BareTwin twin : twinsThatHold()) {
            int before = Park.alive();
            try (BareHold hold = twin.memory().orElseThrow().hold().start(new Park(TimeUnit.MINUTES.toMillis(10)), TASKS)) {
                awaitAlive(before + TASKS, twin);
                Thread.sleep(50);
                assertEquals(before + TASKS, Park.alive(), twin.id() + ": no more and no fewer than its tasks");
            }
            assertEquals(before, Park.alive(), twin.id() + ": every task ended when the hold was closed");
        }
    }

    @Test
    void everyTwinsTasksEndByThemselvesWhenTheirParksAreOver() throws InterruptedException {
        for (BareTwin twin : twinsThatHold()) {
            int before = Park.alive();
            try (BareHold hold = twin.memory().orElseThrow().hold().start(new Park(1), TASKS)) {
                hold.awaitEnd();
                assertEquals(before, Park.alive(), twin.id() + ": every task over");
            }
        }
    }

    @Test
    void theModelsThatHoldATaskInAThreadOrATimerOfItsOwnHaveAMemoryTwin() {
        assertEquals(List.of(BareTwin.THREADS, BareTwin.ASYNC, BareTwin.VIRTUAL), twinsThatHold());
        assertTrue(twinsThatHold().stream().allMatch(twin -> !twin.memory().orElseThrow().keptInAddition().isBlank()));
    }

    private static List<BareTwin> twinsThatHold() {
        return List.of(BareTwin.values()).stream().filter(twin -> twin.memory().isPresent()).toList();
    }

    private static void awaitAlive(int alive, BareTwin twin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Park.alive() < alive) {
            assertTrue(System.nanoTime() < deadline, twin.id() + ": only " + Park.alive() + " of " + alive + " alive");
            Thread.sleep(5);
        }
    }
}
