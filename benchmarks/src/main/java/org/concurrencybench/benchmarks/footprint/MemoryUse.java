package org.concurrencybench.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The memory a measuring JVM and its worker processes use at one moment.
 *
 * @param peakRssBytes    the peak resident set of this JVM plus that of every live worker
 *                        process ({@code VmHWM}); null where there is no {@code /proc}
 * @param rssBytes        the same, resident now ({@code VmRSS}); null where there is no {@code /proc}
 * @param heapUsedBytes   this JVM's used heap right after a full collection: what is live
 * @param workerProcesses the live processes this JVM started (the workers of a process model)
 */
record MemoryUse(Long peakRssBytes, Long rssBytes, long heapUsedBytes, int workerProcesses) {

    private static final long SETTLE_POLL_MS = 20;
    private static final int SETTLED_POLLS = 10;
    /** A worker JVM starts in well under a second; a machine as busy as two cores with a hundred of them, in several. */
    private static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * Collects the heap, then sets the peak resident sets of this JVM and its workers back to
     * what is resident now, so that the next {@link #measure} counts the peak from here on.
     * Returns false if a peak could not be reset: it then counts from each process's start.
     */
    static boolean countPeaksFromNow() throws InterruptedException {
        ManagementFactory.getMemoryMXBean().gc();
        // after a full collection G1 gives the heap it no longer needs back to the OS on a thread
        // of its own; a peak counted from before that would include it
        awaitSettled(MemoryUse::ownRss, false);
        boolean reset = ProcStatus.resetPeak(ProcessHandle.current().pid());
        for (ProcessHandle worker : LiveTasks.workers()) {
            reset &= ProcStatus.resetPeak(worker.pid());
        }
        return reset;
    }

    /**
     * Waits while the workers' resident sets grow. A worker counts as a task alive once it
     * exists (see {@link LiveTasks}), but the last ones started may still be starting their JVM
     * and not yet parked their unit; measured then, they would look smaller than they are.
     */
    static void awaitWorkersStarted() throws InterruptedException {
        awaitSettled(MemoryUse::workersRss, true);
    }

    /**
     * Waits until {@code value} has made no new low (or, {@code rising}, no new high) for
     * {@value #SETTLED_POLLS} polls in a row, or {@link #SETTLE_LIMIT_NANOS} has passed.
     */
    private static void awaitSettled(LongSupplier value, boolean rising) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT_NANOS;
        long extreme = rising ? Long.MIN_VALUE : Long.MAX_VALUE;
        int unchanged = 0;
        while (unchanged < SETTLED_POLLS && System.nanoTime() < deadline) {
            long now = value.getAsLong();
            if (rising ? now > extreme : now < extreme) {
                extreme = now;
                unchanged = 0;
            } else {
                unchanged++;
            }
            Thread.sleep(SETTLE_POLL_MS);
        }
    }

    /** This JVM's resident set; 0 where there is no {@code /proc}, which settles at once. */
    private static long ownRss() {
        return ProcStatus.self().map(ProcStatus::rssBytes).orElse(0L);
    }

    private static long workersRss() {
        return LiveTasks.workers().stream().map(worker -> ProcStatus.of(worker.pid())).flatMap(Optional::stream)
                .mapToLong(ProcStatus::rssBytes).sum();
    }

    /** Collects the heap, then reads the heap and the resident sets. */
    static MemoryUse measure() {
        // a full collection first, so the heap holds what is live and no garbage
        ManagementFactory.getMemoryMXBean().gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Optional<ProcStatus> self = ProcStatus.self();
        List<ProcessHandle> workers = LiveTasks.workers();
        if (self.isEmpty()) {
            return new MemoryUse(null, null, heapUsed, workers.size());
        }
        long peak = self.get().peakRssBytes();
        long now = self.get().rssBytes();
        for (ProcessHandle worker : workers) {
            // a worker that ended in between has nothing resident left to count
            Optional<ProcStatus> status = ProcStatus.of(worker.pid());
            if (status.isPresent()) {
                peak += status.get().peakRssBytes();
                now += status.get().rssBytes();
            }
        }
        return new MemoryUse(peak, now, heapUsed, workers.size());
    }
}
