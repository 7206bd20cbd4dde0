package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Can a model keep its cores computing while its tasks wait, the way a server handles requests
 * that compute a little and then call something slow?
 *
 * <p>One operation runs {@code units} tasks that each count the primes among {@code work}
 * numbers by trial division (a slice of a few microseconds), then sleep {@code delayMs}, and
 * return the count. The ideal at P cores is one wait plus {@code units} slices spread over P
 * cores. A pool of P threads holds a thread through each sleep, so it overlaps only P waits and
 * needs about {@code units / P} sleeps one after another; a model that starts a thread per task
 * or waits without holding one (virtual, async) overlaps every wait and is left with the CPU
 * part, which shows how cheaply it interleaves computing with waiting.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MixedBenchmark -p model=virtual,async -p units=100},
 * or {@code ./bench compare --workloads mixed}.
 */
public class MixedBenchmark extends ModelBenchmark {

    @Param("1000")
    public String units;

    @Param("100")
    public String work;

    @Param("10")
    public String delayMs;

    /** Bytes each task returns besides its number; 0: none, so the figure is the workload's own. */
    @Param("0")
    public String payload;

    public MixedBenchmark() {
        super("mixed");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "work", work, "delayMs", delayMs, "payload", payload);
    }

    @Benchmark
    public long computeThenWaitInEveryTask() throws InterruptedException {
        return runOnce();
    }
}
