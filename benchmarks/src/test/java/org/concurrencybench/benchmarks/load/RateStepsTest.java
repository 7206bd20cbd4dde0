package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.concurrencybench.core.serve.Serve;
import org.junit.jupiter.api.Test;

/** The rates a sweep offers, each chosen after the last, against servers whose knee is known. */
class RateStepsTest {

    @Test
    void aListIsOfferedInOrderUntilTheServerFallsBehind() {
        LoadPlan plan = plan(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0));

        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0), sweep(plan, rate -> true, rate -> true));
        // 4,000/s missed its objective but was kept up with: the list goes on
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0), sweep(plan, rate -> rate < 4_000, rate -> true));
        // 4,000/s fell behind: 8,000/s would only grow the same queue
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0), sweep(plan, rate -> rate < 4_000, rate -> rate < 4_000));
    }

    @Test
    void autoDoublesThenHalvesTheGapAroundTheKneeTwice() {
        LoadPlan plan = plan(List.of());

        // sustained up to 10,000/s: 250 ... 8,000 kept, 16,000 lost, then 12,000 lost, 10,000 kept
        List<Double> offered = sweep(plan, rate -> rate <= 10_000, rate -> rate <= 10_000);

        assertEquals(List.of(250.0, 500.0, 1_000.0, 2_000.0, 4_000.0, 8_000.0, 16_000.0, 12_000.0, 10_000.0), offered);
    }

    @Test
    void autoStopsWhenEvenTheFirstRateIsNotSustained() {
        assertEquals(List.of(250.0), sweep(plan(List.of()), rate -> false, rate -> false));
    }

    @Test
    void autoStartsBelowAConcurrencyLimitUnderItsFirstRate() {
        assertEquals(10.0, new RateSteps(plan(List.of()), 1e9, 20.0).first(), "two threads through a 100 ms wait");
        assertEquals(250.0, new RateSteps(plan(List.of()), 1e9, 2_000.0).first());
        assertEquals(250.0, new RateSteps(plan(List.of()), 1e9, null).first());
        assertEquals(1_000.0, new RateSteps(plan(List.of(1_000.0)), 1e9, 20.0).first(), "a list is offered as it is");
    }

    @Test
    void autoStopsDoublingAtTheGeneratorsCapacity() {
        LoadPlan plan = plan(List.of());
        RateSteps steps = new RateSteps(plan, 1_000);
        List<Double> offered = new ArrayList<>();
        for (OptionalDouble rate = OptionalDouble.of(steps.first()); rate.isPresent();
                rate = steps.after(point(rate.getAsDouble(), true, true))) {
            offered.add(rate.getAsDouble());
        }
        assertEquals(List.of(250.0, 500.0, 1_000.0, 2_000.0), offered);
    }

    @Test
    void theCpuLimitIsTakenAtTheHighestRateSustained() {
        LoadPoint low = withCpu(point(1_000, true, true), 400);
        LoadPoint high = withCpu(point(4_000, true, true), 100);
        LoadPoint beyond = withCpu(point(8_000, false, true), 50);

        assertEquals(2 * 1e6 / 100, LoadSweep.cpuLimit(List.of(low, high, beyond), 2));
        assertEquals(1e6 / 50, LoadSweep.cpuLimit(List.of(beyond), 1), "none sustained: the lowest rate measured");
        assertNull(LoadSweep.cpuLimit(List.of(), 1));
    }

    private static List<Double> sweep(LoadPlan plan, DoublePredicate sustained, DoublePredicate keptUp) {
        RateSteps steps = new RateSteps(plan, 1e9);
        List<Double> offered = new ArrayList<>();
        for (OptionalDouble rate = OptionalDouble.of(steps.first()); rate.isPresent(); ) {
            double r = rate.getAsDouble();
            offered.add(r);
            rate = steps.after(point(r, sustained.test(r), keptUp.test(r)));
        }
        return offered;
    }

    static LoadPlan plan(List<Double> rates) {
        return new LoadPlan(List.of("virtual"), List.of(1), rates, Duration.ofSeconds(1), Duration.ofSeconds(1), 10,
                new Slo("p99", 200), new Serve(100, 100, 1_000), Path.of("unused"), Duration.ofMillis(200));
    }

    /** A point at {@code rate}: sustained or not, and kept up with (achieved all of it) or fallen to half. */
    static LoadPoint point(double rate, boolean sustained, boolean keptUp) {
        return new LoadPoint("virtual", 1, rate, keptUp ? rate : rate / 2, 100, 100, 101, sustained ? 120 : 900, 950, 990,
                0, Map.of(), null, null, sustained, sustained, false, "virtual-p1.hgrm");
    }

    private static LoadPoint withCpu(LoadPoint point, double micros) {
        return new LoadPoint(point.model(), point.cores(), point.offeredRate(), point.achievedRate(), point.completed(),
                point.p50Ms(), point.p90Ms(), point.p99Ms(), point.p999Ms(), point.maxMs(), point.errorCount(),
                point.errors(), micros, null, point.withinSlo(), point.sustained(), false, point.hgrm());
    }
}
