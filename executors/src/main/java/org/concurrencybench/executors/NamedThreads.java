package org.concurrencybench.executors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a model's pool threads, named {@code <prefix><n>}, for a thread pool or a fork/join
 * pool, and remembers them so that shutdown can wait for every one and name any that stays.
 *
 * <p>The threads are daemons, as fork/join workers always are: a model its user forgot to
 * close must not keep the JVM alive.
 */
final class NamedThreads implements ThreadFactory, ForkJoinPool.ForkJoinWorkerThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> made = new ArrayList<>();

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, nextName());
        thread.setDaemon(true);
        return remember(thread);
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName(nextName());
        return remember(thread);
    }

    /**
     * Waits until every thread made here has ended or {@code deadlineNanos} (a
     * {@link System#nanoTime()}) has passed, and returns those still alive.
     */
    List<Thread> awaitEnded(long deadlineNanos) throws InterruptedException {
        for (Thread thread : snapshot()) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        return snapshot().stream().filter(Thread::isAlive).toList();
    }

    private String nextName() {
        return prefix + count.incrementAndGet();
    }

    private <T extends Thread> T remember(T thread) {
        synchronized (made) {
            // fork/join pools retire idle spares and make new ones: forget the ended ones
            made.removeIf(ended -> ended.getState() == Thread.State.TERMINATED);
            made.add(thread);
        }
        return thread;
    }

    private List<Thread> snapshot() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }
}
