package org.concurrencybench.benchmarks.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskCountsTest {

    @Test
    void noValuesMeanTheDefaultsAndFullAddsAMillion() {
        assertEquals(List.of(1_000, 10_000, 100_000), TaskCounts.parse(null, false));
        assertEquals(List.of(1_000, 10_000, 100_000, 1_000_000), TaskCounts.parse(" ", true));
    }

    @Test
    void valuesComeSortedWithoutRepeatsAndMayHoldUnderscores() {
        assertEquals(List.of(100, 1_000_000, 10_000_000), TaskCounts.parse("1_000_000, 100,10000000,100", false));
    }

    @Test
    void explicitValuesWinOverFull() {
        assertEquals(List.of(1_000_000), TaskCounts.parse("1000000", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "ten", "10000001", "99999999999", "-5", "1000,,10000", "1.5"})
    void aValueOutsideOneToTenMillionIsRefusedNamingItAndWhatIsAllowed(String tasks) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TaskCounts.parse(tasks, false));

        assertTrue(refused.getMessage().startsWith("--tasks takes whole numbers from 1 to 10,000,000"), refused.getMessage());
        assertTrue(refused.getMessage().contains("got"), refused.getMessage());
    }
}
