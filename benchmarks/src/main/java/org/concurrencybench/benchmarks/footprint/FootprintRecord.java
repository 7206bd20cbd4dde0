package org.concurrencybench.benchmarks.footprint;

import org.concurrencybench.benchmarks.common.CellOutcome;

/**
 * One model at one N in {@code footprint.json}: the bytes each task cost, both ways, or why
 * there is no figure. Bytes per task = (the value with N tasks alive - the value with none) / N,
 * each value from a JVM of its own.
 *
 * @param rssBytesPerTask       peak resident set per task (this JVM and its workers); null when not measured
 * @param heapBytesPerTask      used heap after a full collection, per task; null when not measured
 * @param reason                why there is no figure (the model's limit, how many tasks it held); null when measured
 * @param peakRssBytes          the peak resident set with N tasks alive
 * @param heapUsedBytes         the used heap with N tasks alive
 * @param baselinePeakRssBytes  the same with none alive
 * @param baselineHeapUsedBytes the same with none alive
 * @param workerProcesses       the worker processes alive with N tasks (process models)
 * @param secondsToHold         from the start of the run until all N tasks were alive
 */
record FootprintRecord(String model, int tasks, CellOutcome outcome, Long rssBytesPerTask, Long heapBytesPerTask,
                       String reason, Long peakRssBytes, Long heapUsedBytes, Long baselinePeakRssBytes,
                       Long baselineHeapUsedBytes, Integer workerProcesses, Double secondsToHold) {

    /** The record of {@code atN}, against {@code baseline} (the same model with no tasks). */
    static FootprintRecord of(ChildReport atN, ChildReport baseline) {
        if (atN.outcome() != CellOutcome.MEASURED) {
            return notMeasured(atN.model(), atN.tasks(), atN.outcome(), atN.reason());
        }
        if (baseline.outcome() != CellOutcome.MEASURED) {
            return notMeasured(atN.model(), atN.tasks(), CellOutcome.FAILED, "the baseline (no tasks) failed: " + baseline.reason());
        }
        MemoryUse with = atN.memory();
        MemoryUse without = baseline.memory();
        return new FootprintRecord(atN.model(), atN.tasks(), CellOutcome.MEASURED,
                perTask(with.peakRssBytes(), without.peakRssBytes(), atN.tasks()),
                perTask(with.heapUsedBytes(), without.heapUsedBytes(), atN.tasks()), null, with.peakRssBytes(),
                with.heapUsedBytes(), without.peakRssBytes(), without.heapUsedBytes(), with.workerProcesses(),
                atN.secondsToHold());
    }

    static FootprintRecord notMeasured(String model, int tasks, CellOutcome outcome, String reason) {
        return new FootprintRecord(model, tasks, outcome, null, null, reason, null, null, null, null, null, null);
    }

    /**
     * {@code (atN - atZero) / tasks}, rounded to whole bytes; null if either value is unknown. At
     * small N it can come out negative: the memory the tasks took was less than the difference
     * between two JVMs' own growth, which is then all the figure says.
     */
    static Long perTask(Long atN, Long atZero, int tasks) {
        if (atN == null || atZero == null) {
            return null;
        }
        if (tasks <= 0) {
            throw new IllegalArgumentException("bytes per task need at least one task, got " + tasks);
        }
        return Math.round((atN - atZero) / (double) tasks);
    }
}
