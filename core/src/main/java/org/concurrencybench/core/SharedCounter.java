package org.concurrencybench.core;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counter of one {@link Contention} run in one JVM: a stripe per lock, each on its own cache
 * lines so that stripes do not slow each other down by sharing one. Workers call
 * {@link #work(int)}; after every worker has ended (a join gives the happens-before),
 * {@link #total()} is the answer.
 */
public final class SharedCounter {

    /** Longs between stripes: 128 bytes, two cache lines, against false sharing and the adjacent-line prefetch. */
    private static final int STRIDE = 16;

    private final Contention contention;
    private final long[] values;
    private final Object[] monitors;
    private final ReentrantLock[] locks;
    private final AtomicLongArray atomics;

    SharedCounter(Contention contention) {
        this.contention = contention;
        int stripes = contention.locks();
        LockKind kind = contention.lock();
        // only what the lock kind uses: a million-worker pinning probe has a stripe per worker
        values = kind == LockKind.ATOMIC ? null : new long[stripes * STRIDE];
        monitors = kind == LockKind.SYNCHRONIZED ? new Object[stripes] : null;
        locks = kind == LockKind.REENTRANT ? new ReentrantLock[stripes] : null;
        atomics = kind == LockKind.ATOMIC ? new AtomicLongArray(stripes * STRIDE) : null;
        for (int stripe = 0; stripe < stripes; stripe++) {
            if (monitors != null) {
                monitors[stripe] = new Object();
            }
            if (locks != null) {
                locks[stripe] = new ReentrantLock();
            }
        }
    }

    /** Worker {@code worker}: its {@code updates} increments, one after another. */
    public void work(int worker) throws InterruptedException {
        int stripe = contention.stripeOf(worker);
        for (int update = 0; update < contention.updates(); update++) {
            update(stripe);
        }
    }

    /** One increment of stripe {@code stripe}, with the wait inside the critical section. */
    public void update(int stripe) throws InterruptedException {
        switch (contention.lock()) {
            case SYNCHRONIZED -> {
                synchronized (monitors[stripe]) {
                    values[stripe * STRIDE]++;
                    hold();
                }
            }
            case REENTRANT -> {
                ReentrantLock lock = locks[stripe];
                lock.lockInterruptibly();
                try {
                    values[stripe * STRIDE]++;
                    hold();
                } finally {
                    lock.unlock();
                }
            }
            case ATOMIC -> atomics.incrementAndGet(stripe * STRIDE);
        }
    }

    private void hold() throws InterruptedException {
        if (contention.holdMs() > 0) {
            Thread.sleep(contention.holdMs());
        }
    }

    /** The sum of the stripes: read it only after every worker has ended. */
    public long total() {
        long total = 0;
        for (int stripe = 0; stripe < contention.locks(); stripe++) {
            total += contention.lock() == LockKind.ATOMIC ? atomics.get(stripe * STRIDE) : values[stripe * STRIDE];
        }
        return total;
    }
}
