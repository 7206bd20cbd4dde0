package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PoolShutdownTest {

    @Test
    void everyThreadOfAThreadPoolHasEndedWhenShutdownReturns() throws Exception {
        NamedThreads threads = new NamedThreads("quiet-pool-");
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        occupyEveryThread(pool, 2);

        PoolShutdown.shutdownNowAndAwait("quiet", pool, threads);

        assertEquals(List.of(), aliveThreadsNamed("quiet-pool-"));
    }

    @Test
    void everyWorkerOfAForkJoinPoolHasEndedWhenShutdownReturns() throws Exception {
        NamedThreads threads = new NamedThreads("quiet-fork-join-");
        ForkJoinPool pool = new ForkJoinPool(2, threads, null, false);
        occupyEveryThread(pool, 2);

        PoolShutdown.shutdownNowAndAwait("quiet", pool, threads);

        assertEquals(List.of(), aliveThreadsNamed("quiet-fork-join-"));
    }

    @Test
    void aPoolThreadThatIgnoresInterruptionIsReportedByName() throws Exception {
        NamedThreads threads = new NamedThreads("stubborn-");
        ExecutorService pool = Executors.newFixedThreadPool(1, threads);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            awaitIgnoringInterrupts(release);
        });
        started.await();

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PoolShutdown.shutdownNowAndAwait("stubborn", pool, threads, Duration.ofMillis(50)));

        assertTrue(error.getMessage().startsWith("stubborn: 1 pool thread(s) still running 50 ms after shutdownNow"),
                error.getMessage());
        assertTrue(error.getMessage().contains("stubborn-1 at "), error.getMessage());
        release.countDown();
        assertEquals(List.of(), threads.awaitEnded(System.nanoTime() + TimeUnit.MINUTES.toNanos(1)));
    }

    /** Makes the pool start {@code count} threads, by holding each until all have started. */
    private static void occupyEveryThread(ExecutorService pool, int count) throws InterruptedException {
        CountDownLatch allStarted = new CountDownLatch(count);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            pool.execute(() -> {
                allStarted.countDown();
                awaitIgnoringInterrupts(allStarted);
                done.countDown();
            });
        }
        done.await();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException ignored) {
                // this task stands for one that will not stop
            }
        }
    }

    private static List<String> aliveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }
}
