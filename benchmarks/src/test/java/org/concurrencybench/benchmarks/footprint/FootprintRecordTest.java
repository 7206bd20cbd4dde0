package org.concurrencybench.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.concurrencybench.benchmarks.common.CellOutcome;
import org.junit.jupiter.api.Test;

class FootprintRecordTest {

    static final JvmSettings JVM = new JvmSettings(1024, 2L << 30, "G1");
    static final ChildReport.Readied WARMED = new ChildReport.Readied(131_070, true);

    static ChildReport measured(String model, int tasks, long peakRss, long heap) {
        return ChildReport.measured(model, tasks, new MemoryUse(peakRss, peakRss, heap, 0), 1.5, WARMED, JVM);
    }

    @Test
    void bytesPerTaskIsTheDifferenceFromTheBaselineOverN() {
        assertEquals(1_000, FootprintRecord.perTask(1_070_000_000L, 70_000_000L, 1_000_000));
        assertEquals(3, FootprintRecord.perTask(10L, 0L, 3), "10 / 3 rounds to 3");
        assertEquals(4, FootprintRecord.perTask(11L, 0L, 3), "11 / 3 rounds to 4");
    }

    @Test
    void aSmallNCanComeOutNegativeAndSaysSo() {
        assertEquals(-434, FootprintRecord.perTask(69_566_000L, 70_000_000L, 1_000));
    }

    @Test
    void anUnknownValueGivesNoFigureAndNoTasksIsAnError() {
        assertNull(FootprintRecord.perTask(null, 70_000_000L, 1_000));
        assertNull(FootprintRecord.perTask(70_000_000L, null, 1_000));
        assertThrows(IllegalArgumentException.class, () -> FootprintRecord.perTask(1L, 0L, 0));
    }

    @Test
    void aMeasuredRecordHasBothFiguresAndTheRawValues() {
        FootprintRecord record = FootprintRecord.of(measured("virtual", 1_000_000, 1_270_000_000L, 950_000_000L),
                measured("virtual", 0, 70_000_000L, 3_000_000L));

        assertEquals(CellOutcome.MEASURED, record.outcome());
        assertEquals(1_200L, record.rssBytesPerTask());
        assertEquals(947L, record.heapBytesPerTask());
        assertEquals(1_270_000_000L, record.peakRssBytes());
        assertEquals(3_000_000L, record.baselineHeapUsedBytes());
        assertNull(record.reason());
    }

    @Test
    void aModelThatCannotHoldNKeepsItsReasonAndHasNoFigures() {
        ChildReport held = ChildReport.notMeasured("thread-pool", 1_000, CellOutcome.NOT_APPLICABLE,
                "held only 2 of 1,000 tasks at once", 2, WARMED, JVM);

        FootprintRecord record = FootprintRecord.of(held, measured("thread-pool", 0, 60_000_000L, 2_000_000L));

        assertEquals(CellOutcome.NOT_APPLICABLE, record.outcome());
        assertEquals("held only 2 of 1,000 tasks at once", record.reason());
        assertNull(record.rssBytesPerTask());
        assertNull(record.heapBytesPerTask());
    }

    @Test
    void withoutABaselineThereIsNothingToSubtract() {
        ChildReport failed = ChildReport.notMeasured("threads", 0, CellOutcome.FAILED, "java.lang.MatchException", 0,
                WARMED, JVM);

        FootprintRecord record = FootprintRecord.of(measured("threads", 1_000, 80_000_000L, 3_000_000L), failed);

        assertEquals(CellOutcome.FAILED, record.outcome());
        assertEquals("the baseline (no tasks) failed: java.lang.MatchException", record.reason());
    }

    @Test
    void aReportCrossesTheProcessBoundaryAsOneLineAndOtherLinesAreNotReports() {
        ChildReport report = measured("async", 10_000, 80_000_000L, 9_000_000L);

        assertEquals(Optional.of(report), ChildReport.fromLine(report.toLine()));
        assertEquals(1, report.toLine().lines().count());
        assertEquals(Optional.empty(), ChildReport.fromLine("a unit printed this"));
        assertEquals(Optional.empty(), ChildReport.fromLine(ChildReport.PREFIX + "{not json"));
    }
}
