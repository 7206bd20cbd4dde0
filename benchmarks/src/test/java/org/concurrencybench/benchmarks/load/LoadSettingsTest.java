package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad value is refused with one line naming it and what is allowed. */
class LoadSettingsTest {

    private static final LoadSettings GOOD = LoadSettings.to(8080);

    private static void refused(String message, Executable making) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, making);
        assertEquals(message, refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line");
    }

    @Test
    void aRateAtOrBelowZeroOrNotANumberIsRefused() {
        refused("load generator: rate must be above 0 and at most 1,000,000 requests per second, got -5",
                () -> GOOD.withRate(-5));
        refused("load generator: rate must be above 0 and at most 1,000,000 requests per second, got 0",
                () -> GOOD.withRate(0));
        refused("load generator: rate must be above 0 and at most 1,000,000 requests per second, got NaN",
                () -> GOOD.withRate(Double.NaN));
        refused("load generator: rate must be above 0 and at most 1,000,000 requests per second, got 2,000,000",
                () -> GOOD.withRate(2_000_000));
        refused("load generator: rate must be above 0 and at most 1,000,000 requests per second, got -0.25",
                () -> GOOD.withRate(-0.25));
    }

    @Test
    void aDurationOfZeroOrLessOrBeyondAnHourIsRefused() {
        refused("load generator: duration must be above 0 and at most 1 h, got 0 ms",
                () -> GOOD.withDuration(Duration.ZERO));
        refused("load generator: duration must be above 0 and at most 1 h, got -1 s",
                () -> GOOD.withDuration(Duration.ofSeconds(-1)));
        refused("load generator: duration must be above 0 and at most 1 h, got 2 h",
                () -> GOOD.withDuration(Duration.ofHours(2)));
    }

    @Test
    void aNegativeWarmupIsRefusedAndNoneIsAllowed() {
        refused("load generator: warmup must be between 0 ms and 1 h, got -0.5 ms",
                () -> GOOD.withWarmup(Duration.ofNanos(-500_000)));
        assertEquals(Duration.ZERO, GOOD.withWarmup(Duration.ZERO).warmup());
    }

    @Test
    void aTimeoutOfZeroOrBeyondTenMinutesIsRefused() {
        refused("load generator: timeout must be above 0 and at most 10 min, got 0 ms",
                () -> GOOD.withTimeout(Duration.ZERO));
        refused("load generator: timeout must be above 0 and at most 10 min, got 11 min",
                () -> GOOD.withTimeout(Duration.ofMinutes(11)));
    }

    @Test
    void connectionsAndUnitsBelowOneAreRefused() {
        refused("load generator: connections must be between 1 and 65,535, got 0", () -> GOOD.withConnections(0));
        refused("load generator: connections must be between 1 and 65,535, got -3", () -> GOOD.withConnections(-3));
        refused("load generator: units must be between 1 and 2,147,483,647, got 0", () -> GOOD.withUnits(0));
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        refused("load generator: port must be between 1 and 65,535, got 0", () -> LoadSettings.to(0));
        refused("load generator: port must be between 1 and 65,535, got 70,000", () -> LoadSettings.to(70_000));
    }

    @Test
    void aHostOffThisMachineIsRefusedWithoutLookingItUp() {
        for (String host : new String[] {"10.0.0.1", "192.168.1.10", "8.8.8.8", "example.com", "127.0.0.256", "",
                "::2"}) {
            refused("load generator: host must be a loopback address (127.0.0.1, another 127.x.x.x, ::1 or localhost),"
                    + " got '" + host + "'", () -> new LoopbackTarget(host, 80));
        }
    }

    @Test
    void loopbackHostsAreAccepted() {
        assertEquals("127.0.0.1:80", new LoopbackTarget("localhost", 80).hostHeader());
        assertEquals("127.1.2.3:80", new LoopbackTarget("127.1.2.3", 80).hostHeader());
        assertEquals("[::1]:80", new LoopbackTarget("[::1]", 80).hostHeader());
        assertEquals("/127.0.0.1:80", new LoopbackTarget("127.0.0.1", 80).address().toString());
    }
}
