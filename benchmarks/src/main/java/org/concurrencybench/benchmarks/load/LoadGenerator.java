package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.concurrencybench.core.DescriptorBudget;

/**
 * An open-loop HTTP/1.1 load generator: {@link #run()} sends {@code GET /unit/<k mod units>} at
 * the settings' rate over keep-alive connections to a loopback server, checks every response
 * against the caller's expected body, and returns latencies measured from each request's
 * intended start, so a server that stalls is charged for every request it delayed, not just the
 * ones it held (see {@link LoadResult}).
 *
 * <p>A run takes two threads ({@code load-generator-<port>} running the selector loop and
 * {@code load-pacer-<port>} waking it on time) and stops by itself: after opening its
 * connections (at most the time-out), the warm-up and the measured period, it waits for the
 * answers still due, at most the time-out, then closes every socket and ends both threads
 * before {@link #run()} returns. Interrupting the caller ends the run early the same way.
 */
public final class LoadGenerator {

    private final LoadSettings settings;
    private final IntFunction<byte[]> expectedBody;
    private volatile long[] measuredPeriod;

    /**
     * @param expectedBody the body a correct server answers for unit i; called once per request
     *                     on the generator's thread, so it should be cheap (a table look-up)
     */
    public LoadGenerator(LoadSettings settings, IntFunction<byte[]> expectedBody) {
        this(settings, expectedBody, DescriptorBudget.ofThisProcess());
    }

    LoadGenerator(LoadSettings settings, IntFunction<byte[]> expectedBody, DescriptorBudget budget) {
        this.settings = Objects.requireNonNull(settings, "settings").checkDescriptors(budget);
        this.expectedBody = Objects.requireNonNull(expectedBody, "expectedBody");
    }

    public LoadSettings settings() {
        return settings;
    }

    /** Runs the load and returns what it measured; every socket and thread of the run is closed when it returns. */
    public LoadResult run() throws IOException, InterruptedException {
        String name = "load-generator-" + settings.target().port();
        LoadRun run = new LoadRun(settings, expectedBody, name);
        Throwable[] failure = new Throwable[1];
        Thread loop = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try (run) {
                run.execute();
            } catch (IOException | RuntimeException | Error failed) {
                failure[0] = failed;
            }
        });
        try {
            loop.start();
        } catch (RuntimeException | Error failed) {
            run.close();
            throw failed;
        }
        try {
            loop.join();
        } catch (InterruptedException interrupted) {
            run.stop();
            joinUninterruptibly(loop);
            throw interrupted;
        }
        if (failure[0] instanceof IOException io) {
            throw new IOException("load generator to " + settings.target().hostHeader() + " failed: " + io, io);
        }
        if (failure[0] instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure[0] instanceof Error error) {
            throw error;
        }
        measuredPeriod = run.measuredPeriodNanoTimes();
        return run.result();
    }

    /**
     * When the last run's measured period began and ended, in {@link System#nanoTime()}, which on
     * Linux is CLOCK_MONOTONIC, one clock for every process of the machine: another JVM can place
     * its own samples (a server's CPU time) in the period. Empty before a run has ended.
     */
    public Optional<long[]> measuredPeriodNanoTimes() {
        long[] period = measuredPeriod;
        return period == null ? Optional.empty() : Optional.of(period.clone());
    }

    private static void joinUninterruptibly(Thread thread) {
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException ignored) {
                // the caller's interrupt is rethrown once the run has ended
            }
        }
    }
}
