package org.concurrencybench.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    /** The head of a real /proc/<pid>/status, tabs and all. */
    private static final String SAMPLE = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t14316
            Pid:\t14316
            VmPeak:\t 4318060 kB
            VmSize:\t 4252524 kB
            VmLck:\t       0 kB
            VmHWM:\t  226172 kB
            VmRSS:\t   68849 kB
            RssAnon:\t   41236 kB
            Threads:\t27
            """;

    @Test
    void peakAndCurrentResidentSetsAreReadInBytes() {
        ProcStatus status = ProcStatus.parse(SAMPLE);

        assertEquals(226_172L * 1024, status.peakRssBytes());
        assertEquals(68_849L * 1024, status.rssBytes());
    }

    @Test
    void aMissingFieldIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProcStatus.parse(SAMPLE.replace("VmHWM", "VmXXX")));

        assertEquals("no VmHWM line in the process status", refused.getMessage());
    }

    @Test
    void aValueNotInKilobytesIsNamedWithWhatWasThere() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ProcStatus.parse(SAMPLE.replace("68849 kB", "68849 MB")));

        assertEquals("VmRSS in the process status should be a size in kB, got '68849 MB'", refused.getMessage());
    }

    @Test
    void thisProcessHasAResidentSetNoLargerThanItsPeak() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc here");

        ProcStatus self = ProcStatus.self().orElseThrow();

        assertTrue(self.rssBytes() > 0 && self.rssBytes() <= self.peakRssBytes(), self.toString());
    }

    @Test
    void aProcessThatDoesNotExistHasNoStatus() {
        assertEquals(Optional.empty(), ProcStatus.of(Long.MAX_VALUE));
    }
}
