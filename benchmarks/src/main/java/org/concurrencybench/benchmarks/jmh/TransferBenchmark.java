package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * What does it cost to bring a task's result back to the caller, as the result grows?
 *
 * <p>One operation runs {@code units} tasks that each return {@code payload} bytes besides
 * their index. The bytes depend only on the unit, and the caller adds the CRC-32C of what
 * arrived to the answer, so lost or garbled bytes fail the run. The models in one JVM hand the
 * caller a reference to the bytes: their cost is making and checksumming them, the ideal, and
 * barely depends on the model. process-pool copies them through its worker's pipe in frames;
 * process-pool-shm has the worker write them into a memory-mapped file that the parent reads
 * in place: the difference is what a pipe costs against shared memory. process-per-task adds
 * a JVM start-up per task.
 *
 * <p>The figure is the whole operation; the cost of one unit is the figure divided by
 * {@code units}, which the report draws against {@code payload} for every model.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TransferBenchmark -p model=process-pool,process-pool-shm},
 * or {@code ./bench compare --workloads transfer}.
 */
public class TransferBenchmark extends ModelBenchmark {

    @Param("100")
    public String units;

    /** From nothing to a mebibyte; the catalog's default, 64 KiB, is among them. */
    @Param({"0", "1024", "65536", "1048576"})
    public String payload;

    public TransferBenchmark() {
        super("transfer");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "payload", payload);
    }

    @Benchmark
    public long returnPayloadFromEveryTask() throws InterruptedException {
        return runOnce();
    }
}
