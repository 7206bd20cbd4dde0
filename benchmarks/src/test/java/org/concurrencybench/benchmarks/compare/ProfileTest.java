package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.concurrencybench.benchmarks.jmh.BenchmarkDefaults;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void quickComparesOneAndTwoCoresAsFarAsTheMachineHasThem() {
        assertEquals(List.of(1, 2), Profile.QUICK.defaultCores(16));
        assertEquals(List.of(1), Profile.QUICK.defaultCores(1));
    }

    @Test
    void fullClimbsTheWholeLadder() {
        assertEquals(List.of(1, 2, 4, 6), Profile.FULL.defaultCores(6));
    }

    @Test
    void fullIsTheBenchmarksOwnDefaultsWithAtLeastThreeForks() {
        assertEquals(BenchmarkDefaults.FORKS, Profile.FULL.forks());
        assertTrue(Profile.FULL.forks() >= 3);
        assertEquals(BenchmarkDefaults.MEASUREMENT_ITERATIONS, Profile.FULL.measurementIterations());
        assertTrue(Profile.FULL.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
                > Profile.QUICK.measurementTime().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertEquals("42 s", Progress.duration(42.4));
        assertEquals("4 min 10 s", Progress.duration(250));
        assertEquals("1 h 1 min", Progress.duration(3_660));
    }
}
