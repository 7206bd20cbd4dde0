package org.concurrencybench.benchmarks.bare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Park;

/**
 * A model's way of keeping tasks alive, written as a textbook writes it, for {@code bench
 * footprint}: N tasks started and kept in a list, and nothing else. The task is the workload's
 * own {@link Park} unit, which counts itself while it waits ({@link Park#alive()}), so a twin
 * differs from its model only in what the model keeps per task besides the thread or timer.
 */
public interface BareHold extends AutoCloseable {

    /** How a twin starts {@code tasks} units of {@code park}, each a task of its own. */
    @FunctionalInterface
    interface Start {
        BareHold start(Park park, int tasks);
    }

    /** A platform thread per unit, {@code new Thread(task).start()}, the threads in a list. */
    static Start platformThreads() {
        return (park, tasks) -> new Threads(BareThreadPerTask.PLATFORM, park, tasks);
    }

    /** A virtual thread per unit, {@code Thread.startVirtualThread(task)}, the threads in a list. */
    static Start virtualThreads() {
        return (park, tasks) -> new Threads(BareThreadPerTask.VIRTUAL, park, tasks);
    }

    /**
     * A pending timer per unit: {@code new CompletableFuture<Long>().completeOnTimeout(unit,
     * holdMs, MILLISECONDS)}, the futures in a list. No thread waits; each unit is counted alive
     * from the moment its timer is set until the hold ends it.
     */
    static Start timers() {
        return Timers::new;
    }

    /** Waits until every task has ended by itself: its park is over. */
    void awaitEnd() throws InterruptedException;

    /** Ends every task still alive (interrupts the threads, cancels the timers) and waits until they have ended. */
    @Override
    void close() throws InterruptedException;

    /** The threads of a thread per task. */
    final class Threads implements BareHold {

        private final List<Thread> threads;

        private Threads(BareThreadPerTask.Starter starter, Park park, int tasks) {
            threads = new ArrayList<>(tasks);
            for (int unit = 0; unit < tasks; unit++) {
                int index = unit;
                threads.add(starter.start(() -> {
                    try {
                        park.run(index, tasks);
                    } catch (InterruptedException ended) {
                        // the hold was closed: the task ends
                    }
                }));
            }
        }

        @Override
        public void awaitEnd() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join();
            }
        }

        @Override
        public void close() throws InterruptedException {
            threads.forEach(Thread::interrupt);
            awaitEnd();
        }
    }

    /** The futures of a timer per task. */
    final class Timers implements BareHold {

        private final List<CompletableFuture<Long>> timers;

        private Timers(Park park, int tasks) {
            timers = new ArrayList<>(tasks);
            for (int unit = 0; unit < tasks; unit++) {
                Park.enter();
                timers.add(new CompletableFuture<Long>().completeOnTimeout((long) unit, park.holdMs(), TimeUnit.MILLISECONDS));
            }
        }

        @Override
        public void awaitEnd() {
            for (CompletableFuture<Long> timer : timers) {
                timer.join();
            }
            leave();
        }

        @Override
        public void close() {
            timers.forEach(timer -> timer.cancel(false));
            leave();
        }

        /** Every unit leaves at once: the hold, not the timer, says when a unit is no longer alive. */
        private void leave() {
            timers.forEach(timer -> Park.leave());
            timers.clear();
        }
    }
}
