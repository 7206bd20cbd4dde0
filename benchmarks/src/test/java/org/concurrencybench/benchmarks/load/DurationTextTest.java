package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void durationsAreReadWithTheirUnitsAndABareNumberIsSeconds() {
        assertEquals(Duration.ofSeconds(10), DurationText.parse("--duration", "10s"));
        assertEquals(Duration.ofMillis(500), DurationText.parse("--duration", "500ms"));
        assertEquals(Duration.ofMinutes(2), DurationText.parse("--duration", "2m"));
        assertEquals(Duration.ofHours(1), DurationText.parse("--duration", "1h"));
        assertEquals(Duration.ofMillis(1_500), DurationText.parse("--duration", "1.5"));
        assertEquals(Duration.ofSeconds(-1), DurationText.parse("--warmup", "-1"));
    }

    @Test
    void anythingElseIsNamedWithTheForms() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DurationText.parse("--duration", "5x"));

        assertEquals("--duration must be a duration such as 10s, 500ms, 2m or 1.5 (seconds), got '5x'",
                refused.getMessage());
    }

    @Test
    void durationsAreWrittenInTheirShortestExactForm() {
        assertEquals("0 ms", DurationText.format(Duration.ZERO));
        assertEquals("250 ms", DurationText.format(Duration.ofMillis(250)));
        assertEquals("0.5 ms", DurationText.format(Duration.ofNanos(500_000)));
        assertEquals("1.5 s", DurationText.format(Duration.ofMillis(1_500)));
        assertEquals("10 min", DurationText.format(Duration.ofMinutes(10)));
        assertEquals("1 h", DurationText.format(Duration.ofHours(1)));
    }
}
