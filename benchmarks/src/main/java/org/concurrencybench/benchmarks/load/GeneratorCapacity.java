package org.concurrencybench.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The highest rate the generator keeps on this machine, measured against a {@link NullHttpServer}
 * that answers at once: whatever latency or shortfall shows there is the generator's (and the
 * loopback's) own. A figure measured against a real server at a rate above a good share of this
 * capacity says more about the generator than about the server: {@link #generatorBound}.
 *
 * <p>The search runs short open-loop probes: from {@link #START_RATE} the rate doubles while the
 * probe is kept, then {@link #REFINEMENTS} bisections between the last rate kept and the first
 * one lost. A probe is kept when every request was answered correctly, at least
 * {@link #KEPT_SHARE} of the offered rate was achieved and the corrected median stayed at most
 * {@link #KEPT_MEDIAN_MS} ms: a generator that falls behind builds a queue, so its corrected
 * latency grows through the whole probe and soon reaches the median, while a pause of another
 * process on a shared machine only reaches the tail. A probe lost is tried once more before the
 * rate counts as lost: a noisy neighbour can make a short probe miss, never make one pass that
 * the generator could not keep.
 */
public record GeneratorCapacity(int connections, double topRate, double cpuMicrosPerRequest, List<Probe> probes) {

    public static final double START_RATE = 2_000;
    public static final double KEPT_SHARE = 0.97;
    public static final double KEPT_MEDIAN_MS = 10;
    public static final int REFINEMENTS = 4;
    public static final Duration DEFAULT_PROBE = Duration.ofSeconds(2);

    /** One probe: what was offered and what came of it. */
    public record Probe(double offeredRate, double achievedRate, double correctedP50Ms, double correctedP99Ms,
                        long errors, double cpuMicrosPerRequest, boolean kept) {

        static Probe of(LoadResult result) {
            long requests = result.scheduled() + result.warmupScheduled();
            double cpuMicros = requests == 0 ? 0 : result.generatorCpuMillis() * 1_000 / requests;
            boolean kept = result.errors().total() == 0
                    && result.achievedRate() >= KEPT_SHARE * result.offeredRate()
                    && result.corrected().p50() <= KEPT_MEDIAN_MS;
            return new Probe(result.offeredRate(), result.achievedRate(), result.corrected().p50(),
                    result.corrected().p99(), result.errors().total(), cpuMicros, kept);
        }
    }

    public GeneratorCapacity {
        probes = List.copyOf(probes);
    }

    /** Measures with {@code connections} connections, probes of {@link #DEFAULT_PROBE}, up to {@link LoadSettings#MAX_RATE}. */
    public static GeneratorCapacity measure(int connections) throws IOException, InterruptedException {
        return measure(connections, DEFAULT_PROBE, LoadSettings.MAX_RATE);
    }

    /**
     * Measures with {@code connections} connections, each probe measuring for {@code probe} after
     * a quarter of that as warm-up, never offering more than {@code maxRate}.
     */
    public static GeneratorCapacity measure(int connections, Duration probe, double maxRate)
            throws IOException, InterruptedException {
        IntFunction<byte[]> bodies = ExpectedBodies.index();
        List<Probe> probes = new ArrayList<>();
        try (NullHttpServer server = NullHttpServer.start(bodies)) {
            LoadSettings settings = LoadSettings.to(server.port()).withConnections(connections)
                    .withDuration(probe).withWarmup(probe.dividedBy(4)).withTimeout(probe);
            double kept = 0;
            double lost = 0;
            for (double rate = Math.min(START_RATE, maxRate); lost == 0; rate = Math.min(rate * 2, maxRate)) {
                Probe result = probe(settings.withRate(rate), bodies, probes);
                if (!result.kept()) {
                    lost = rate;
                } else {
                    kept = rate;
                    if (rate >= maxRate) {
                        break;
                    }
                }
            }
            for (int i = 0; i < REFINEMENTS && lost > 0 && lost - kept > 1; i++) {
                double rate = kept == 0 ? lost / 2 : (kept + lost) / 2;
                if (probe(settings.withRate(rate), bodies, probes).kept()) {
                    kept = rate;
                } else {
                    lost = rate;
                }
            }
            double top = kept;
            double cpu = probes.stream().filter(p -> p.kept() && p.offeredRate() == top)
                    .mapToDouble(Probe::cpuMicrosPerRequest).findFirst().orElse(0);
            return new GeneratorCapacity(connections, top, cpu, probes);
        }
    }

    /** Probes the settings' rate, twice if the first try is lost; the last try made. */
    private static Probe probe(LoadSettings settings, IntFunction<byte[]> bodies, List<Probe> probes)
            throws IOException, InterruptedException {
        Probe probe = null;
        for (int attempt = 0; attempt < 2 && (probe == null || !probe.kept()); attempt++) {
            probe = Probe.of(new LoadGenerator(settings, bodies).run());
            probes.add(probe);
        }
        return probe;
    }

    /** Whether a figure measured at {@code rate} is above {@code share} of this capacity, and so may be the generator's limit. */
    public boolean generatorBound(double rate, double share) {
        return rate > share * topRate;
    }
}
