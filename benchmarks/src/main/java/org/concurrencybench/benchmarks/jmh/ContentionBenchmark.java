package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * What does updating one shared counter cost each model, under each kind of lock?
 *
 * <p>One operation has {@code workers} workers each make {@code updates} increments of a counter
 * they all share ({@code locks} stripes, each with its own lock), guarded by {@code lock}: a
 * {@code synchronized} block, a {@code ReentrantLock}, or an atomic increment with no lock at
 * all. The answer is the counter's final value, so a lost update fails the run. At P = 1 the
 * workers take turns and a lock is nearly free; from P = 2 they contend, and the figure is what
 * handing the lock (or the cache line) between cores costs. The ideal is the increments made
 * one after another by a single thread, a few nanoseconds each: no worker ever waits for
 * another. With {@code holdMs > 0} each update also waits inside its critical section: async
 * then takes an asynchronous mutex that chains futures instead of blocking a thread. The
 * process models share the counter through a memory-mapped file, locked with a FileChannel
 * lock, or updated with a VarHandle atomic for lock=atomic.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ContentionBenchmark -p model=thread-pool,virtual -p cores=2},
 * or {@code ./bench compare --workloads contention}.
 */
public class ContentionBenchmark extends ModelBenchmark {

    @Param("4")
    public String workers;

    @Param("100000")
    public String updates;

    /** Every kind of lock the catalog knows; its default, synchronized, first. */
    @Param({"synchronized", "reentrant", "atomic"})
    public String lock;

    @Param("0")
    public String holdMs;

    @Param("1")
    public String locks;

    public ContentionBenchmark() {
        super("contention");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("workers", workers, "updates", updates, "lock", lock, "holdMs", holdMs, "locks", locks);
    }

    @Benchmark
    public long updateOneSharedCounter() throws InterruptedException {
        return runOnce();
    }
}
