package org.concurrencybench.benchmarks.jmh;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * How many requests over a real socket does each model keep in flight, and what does a
 * connection cost it?
 *
 * <p>One operation runs {@code units} tasks that each open one TCP connection to the workload's
 * own server, send the unit's request and read the 8-byte answer, which the server sends after
 * {@code delayMs} and then closes the connection. The server is one platform thread with an NIO
 * selector, bound to 127.0.0.1 on a port the OS picks; it starts in the trial's set-up and
 * stops in its tear-down, so neither is timed, and it costs every model the same. The ideal is
 * the wait alone, one {@code delayMs}, as for blocking; but each connection costs tens of
 * microseconds of CPU on both sides (connect, accept, write, read, close), so on few cores the
 * floor is that CPU, and the report shows what the fastest model leaves above the wait. A pool
 * of P threads blocks a thread in each read and overlaps only P requests; threads and virtual
 * block a thread per task (a virtual thread's blocked read parks it and frees its carrier);
 * async connects, writes and reads through {@code AsynchronousSocketChannel} and holds no
 * thread while it waits.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar IoBenchmark -p model=virtual,async -p units=100},
 * or {@code ./bench compare --workloads io}.
 */
public class IoBenchmark extends ModelBenchmark {

    @Param("1000")
    public String units;

    @Param("10")
    public String delayMs;

    /** Bytes each task returns besides the server's answer; 0: none, so the figure is the requests'. */
    @Param("0")
    public String payload;

    public IoBenchmark() {
        super("io");
    }

    @Override
    protected Map<String, String> sizes() {
        return Map.of("units", units, "delayMs", delayMs, "payload", payload);
    }

    @Benchmark
    public long requestOverLoopbackInEveryTask() throws InterruptedException {
        return runOnce();
    }
}
