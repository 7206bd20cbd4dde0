package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Does a virtual thread that blocks inside {@code synchronized} keep its carrier (JEP 491)?
 *
 * <p>One operation has {@code workers} workers each wait {@code holdMs} inside a lock of its
 * own, {@code updates} times. No two workers share a lock, so nobody contends: the figure only
 * says how many of the waits a model overlaps. If all overlap, the operation takes
 * {@code updates × holdMs} (10 ms at the defaults), the ideal. A virtual thread that keeps its
 * carrier while it waits inside {@code synchronized}, as on JDK 21 to 23, overlaps only P of
 * them, like a pool of P threads: {@code workers / P × updates × holdMs} (640 ms at P = 1).
 * From JDK 24 it lets the carrier go. {@code lock=reentrant} is the control: a virtual thread
 * waiting while it holds a {@code ReentrantLock} has never kept its carrier. The report says
 * which JDK ran the forks and which of the two figures the data is near.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PinningBenchmark -p model=virtual,thread-pool},
 * once with a JDK 21 ({@code -jvm /path/to/jdk-21/bin/java}) and once with a JDK 24 or later;
 * or {@code ./bench compare --workloads pinning}.
 */
public class PinningBenchmark extends ModelBenchmark {

    @Param("64")
    public String workers;

    @Param("2")
    public String updates;

    /** The monitor JEP 491 is about, and the lock that never pinned; atomic has nothing to wait in. */
    @Param({"synchronized", "reentrant"})
    public String lock;

    @Param("5")
    public String holdMs;

    @Param("64")
    public String locks;

    public PinningBenchmark() {
        super("pinning");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("workers", workers, "updates", updates, "lock", lock, "holdMs", holdMs, "locks", locks);
    }

    @Benchmark
    public long waitInsideEachWorkersOwnLock() throws InterruptedException {
        return runOnce();
    }
}
