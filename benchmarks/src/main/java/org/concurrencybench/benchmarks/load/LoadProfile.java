package org.concurrencybench.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.ModelTrait;
import org.concurrencybench.core.serve.Serve;

/**
 * The load sweep a whole comparison ends with, so that its report answers the servers question
 * too. Both profiles serve requests that count the primes of {@value ServeSizes#DEFAULT_WORK}
 * numbers and then wait {@value #DELAY_MS} ms over {@value LoadPlan#DEFAULT_CONNECTIONS}
 * connections: a wait long enough that how many requests a model holds at once matters (a pool of
 * 200 threads holds 2,000 requests a second through it, a thousand connections 10,000), which a
 * 10 ms wait hides behind the CPU on a small machine.
 */
public enum LoadProfile {

    /**
     * A first look in under two minutes on two cores: the models that serve as services are
     * most often built ({@link ModelTrait#COMMON_SERVER}), at the comparison's highest P only,
     * four rates of one second's warm-up and three measured, a model left at the first rate it
     * cannot keep up with.
     */
    QUICK(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1)),

    /** Every model at every P of the comparison, rates found by doubling, {@code bench load}'s own periods. */
    FULL(List.of(), LoadPlan.DEFAULT_WARMUP, LoadPlan.DEFAULT_DURATION, GeneratorCapacity.DEFAULT_PROBE);

    /** The wait of each request in a comparison's sweep. */
    public static final long DELAY_MS = 100;

    private final List<Double> rates;
    private final Duration warmup;
    private final Duration duration;
    private final Duration capacityProbe;

    LoadProfile(List<Double> rates, Duration warmup, Duration duration, Duration capacityProbe) {
        this.rates = rates;
        this.warmup = warmup;
        this.duration = duration;
        this.capacityProbe = capacityProbe;
    }

    /**
     * The sweep of a comparison of {@code models} at {@code cores}, into {@code out}. When the
     * models were named ({@code named}) every one of them is loaded; else quick keeps the
     * common servers among them.
     */
    public LoadPlan plan(List<String> models, boolean named, List<Integer> cores, Path out) {
        List<String> loaded = named || this == FULL ? models : models.stream()
                .filter(model -> ModelRegistry.provider(model).description().has(ModelTrait.COMMON_SERVER)).toList();
        List<Integer> at = this == QUICK ? List.of(Collections.max(cores)) : cores;
        Serve serve = new Serve(ServeSizes.DEFAULT_WORK, DELAY_MS, ServeSizes.DEFAULT_UNITS);
        return new LoadPlan(loaded, at, rates, duration, warmup, LoadPlan.DEFAULT_CONNECTIONS, Slo.defaultFor(serve),
                serve, out, capacityProbe);
    }

    /** Roughly how long the sweep of {@code plan} takes, in seconds, for the comparison's first estimate. */
    public double plannedSeconds(LoadPlan plan) {
        double perRate = warmup.plus(duration).toMillis() / 1e3 + 1.5;
        int ratesEach = rates.isEmpty() ? 8 : rates.size();
        return capacityProbe.toMillis() / 1e3 * 8 + plan.models().size() * plan.cores().size() * (ratesEach * perRate + 2);
    }
}
