package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

class JmhArgumentsTest {

    @Test
    void quotedArgumentsStayTogether() {
        assertEquals(List.of("-jvmArgsAppend", "-Xmx4g -XX:+UseZGC", "-f", "2", "it's"),
                JmhArguments.split(" -jvmArgsAppend \"-Xmx4g -XX:+UseZGC\"  -f 2 \"it's\""));
    }

    @Test
    void jmhOptionsAreParsedByJmh() {
        CommandLineOptions options = JmhArguments.parse("-f 2 -i 7 -prof gc");

        assertEquals(2, options.getForkCount().get());
        assertEquals(7, options.getMeasurementIterations().get());
        assertEquals(1, options.getProfilers().size());
    }

    @Test
    void noArgumentsAreNoOptions() {
        assertTrue(JmhArguments.parse(null).getIncludes().isEmpty());
    }

    @Test
    void anOptionJmhDoesNotKnowIsAUsageError() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JmhArguments.parse("-nosuch 3"));

        assertTrue(refused.getMessage().startsWith("--jmh: JMH does not accept '-nosuch 3'"), refused.getMessage());
    }

    @Test
    void benchmarkPatternsAreChosenByTheComparisonNotByJmhOptions() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JmhArguments.parse("Cpu -f 1"));

        assertTrue(refused.getMessage().contains("--models, --workloads and --cores"), refused.getMessage());
    }

    @Test
    void anUnclosedQuoteIsAUsageError() {
        assertThrows(IllegalArgumentException.class, () -> JmhArguments.split("-jvmArgs \"-Xmx1g"));
    }
}
