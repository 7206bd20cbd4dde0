package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static long[] offsets(LoadSettings settings, int count) {
        Schedule schedule = Schedule.of(settings);
        long[] offsets = new long[count];
        for (int k = 0; k < count; k++) {
            assertEquals(k, schedule.nextNumber());
            offsets[k] = schedule.nextOffsetNanos();
        }
        return offsets;
    }

    @Test
    void anEvenScheduleStartsRequestKAtKOverTheRate() {
        long[] offsets = offsets(LoadSettings.to(80).withRate(3_000), 10_000);

        for (int k = 0; k < offsets.length; k++) {
            assertEquals((long) (k * 1e9 / 3_000), offsets[k], "request " + k);
        }
        // no drift: 3,000 requests take exactly a second
        assertEquals(1_000_000_000L, offsets(LoadSettings.to(80).withRate(3_000), 3_001)[3_000]);
    }

    @Test
    void poissonGapsHaveTheRatesMeanAndRepeatWithTheirSeed() {
        int count = 200_000;
        long[] first = offsets(LoadSettings.to(80).withRate(10_000).withPoisson(42), count);
        long[] again = offsets(LoadSettings.to(80).withRate(10_000).withPoisson(42), count);
        long[] otherSeed = offsets(LoadSettings.to(80).withRate(10_000).withPoisson(43), count);

        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, otherSeed));
        assertEquals(0, first[0]);
        double meanGapMicros = first[count - 1] / 1e3 / (count - 1);
        assertEquals(100, meanGapMicros, 1, "mean gap at 10,000/s");
        for (int k = 1; k < count; k++) {
            assertTrue(first[k] >= first[k - 1], "request " + k + " starts before the one before it");
        }
    }
}
