package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concurrencybench.benchmarks.common.Environment;
import org.concurrencybench.core.Contention;
import org.junit.jupiter.api.Test;

/** The pinning probe read from figures: which JDK, which estimate the data is near, and whether that JDK should do it. */
class PinningAnalysisTest {

    private static final String PINNING = "org.concurrencybench.benchmarks.jmh.PinningBenchmark.waitInsideEachWorkersOwnLock";

    @Test
    void theEstimatesAreAllWaitsAtOnceAndPAtATime() {
        assertEquals(10, Contention.allWaitsAtOnceMillis(64, 2, 5, 64));
        assertEquals(640, Contention.pWaitsAtATimeMillis(64, 2, 5, 64, 1));
        assertEquals(320, Contention.pWaitsAtATimeMillis(64, 2, 5, 64, 2));
        assertEquals(30, Contention.pWaitsAtATimeMillis(64, 2, 5, 64, 30), "ceil(64 / 30) = 3 rounds of 2 x 5 ms");
        assertEquals(160, Contention.allWaitsAtOnceMillis(64, 2, 5, 4), "16 workers share each of 4 locks");
    }

    @Test
    void onJdk21FiguresNearThePinnedEstimateAreWhatThatJdkDoes() {
        String text = report(source("21.0.7", "synchronized", 650.0, 330.0, 641.0, 321.0));

        assertTrue(text.contains("The forks of this table ran JDK 21.0.7 (JMH's record of each fork)."), text);
        assertTrue(text.contains("The figures are near the pinned estimate: each waiting virtual thread kept its carrier, so"
                + " only P waited at a time, as JDK 21.0.7 does inside synchronized (JDK 21 to 23 pin; JEP 491 ended it in"
                + " JDK 24)."), text);
    }

    @Test
    void pinnedFiguresOnJdk25AreCalledUnexpected() {
        String text = report(source("25.0.3", "synchronized", 700.0, 340.0, 641.0, 321.0));

        assertTrue(text.contains("kept its carrier, so only P waited at a time, which JDK 25.0.3 should not do inside"
                + " synchronized since JDK 24 (JEP 491): something else pinned them"), text);
    }

    @Test
    void figuresOnJdk21NearTheReleasedEstimateAskWhichJdkReallyRan() {
        String text = report(source("21.0.7", "synchronized", 11.0, 10.5, 641.0, 321.0));

        assertTrue(text.contains("which JDK 21.0.7 does not do inside synchronized (only JDK 24 and later do, JEP 491): check"
                + " that the forks ran the JDK the run records."), text);
    }

    @Test
    void withoutJmhsRecordTheEnvironmentsJdkIsNamedAsSuch() {
        Source fromEnvironment = withEnvironment(source(null, "synchronized", 11.0, 10.5, 641.0, 321.0), "25.0.1");

        String text = report(fromEnvironment);

        assertTrue(text.contains("The forks of this table ran JDK 25.0.1 (the JDK of the run's environment.json; JMH's"
                + " results do not record the forks')."), text);
    }

    @Test
    void aJdkNobodyRecordedIsSaidToBeUnknown() {
        String text = report(source(null, "synchronized", 11.0, 10.5, 641.0, 321.0));

        assertTrue(text.contains("Which JDK ran the forks is not recorded"), text);
        assertTrue(text.contains("whether this is JEP 491's doing cannot be said"), text);
    }

    @Test
    void estimatesTooCloseToTellApartAreSaidToBe() {
        Map<String, String> sizes = Map.of("workers", "4", "updates", "2", "lock", "synchronized", "holdMs", "5", "locks", "4");
        Source source = new Source("run", Path.of("jmh.json"), List.of(
                new Measurement(PINNING, "pinning", sizes, "virtual", 4, "avgt", 10.2, 0.2, "ms/op", "25.0.3")), null, null);

        String text = report(source);

        assertTrue(text.contains("At these P the two estimates are too close to tell apart"), text);
    }

    private static Source source(String jdk, String lock, double virtualOne, double virtualTwo, double poolOne, double poolTwo) {
        Map<String, String> sizes = Map.of("workers", "64", "updates", "2", "lock", lock, "holdMs", "5", "locks", "64");
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement(PINNING, "pinning", sizes, "virtual", 1, "avgt", virtualOne, virtualOne / 50, "ms/op", jdk));
        measurements.add(new Measurement(PINNING, "pinning", sizes, "virtual", 2, "avgt", virtualTwo, virtualTwo / 50, "ms/op", jdk));
        measurements.add(new Measurement(PINNING, "pinning", sizes, "thread-pool", 1, "avgt", poolOne, poolOne / 50, "ms/op", jdk));
        measurements.add(new Measurement(PINNING, "pinning", sizes, "thread-pool", 2, "avgt", poolTwo, poolTwo / 50, "ms/op", jdk));
        return new Source("run", Path.of("jmh.json"), measurements, null, null);
    }

    private static Source withEnvironment(Source source, String javaVersion) {
        Environment environment = new Environment("Eclipse Adoptium", javaVersion, "OpenJDK 64-Bit Server VM", javaVersion,
                "/jdk", List.of(), List.of(), "Linux", "AMD EPYC", 2, "taskset", "0.1.0", null, "host", "2025-01-01T00:00:00Z");
        return new Source(source.label(), source.file(), source.measurements(), environment, null);
    }

    private static String report(Source source) {
        return MarkdownRenderer.render(ReportBuilder.build(List.of(source), null).document());
    }
}
