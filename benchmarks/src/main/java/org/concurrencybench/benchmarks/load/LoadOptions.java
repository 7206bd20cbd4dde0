package org.concurrencybench.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The command line of {@link LoadGeneratorMain}, parsed and checked: a mistake is an
 * {@link IllegalArgumentException} whose message is one line naming the option, the value and
 * what is allowed.
 */
record LoadOptions(LoadSettings settings, String expect, Optional<Path> hgrm, Optional<Path> uncorrectedHgrm,
                   Optional<Path> json, boolean capacity, boolean help) {

    static final String USAGE = """
            usage: LoadGeneratorMain --port N --expect NAME [options]
                   LoadGeneratorMain --capacity [--connections N] [--duration D] [--rate MAX]
              --host H               loopback host (127.0.0.1, another 127.x.x.x, ::1, localhost); default 127.0.0.1
              --port N               the server's port, 1 to 65535
              --rate R               requests per second, above 0; default 1000
              --duration D           measured period (10s, 500ms, 2m, or seconds); default 10s
              --warmup D             warm-up before it, recorded apart and discarded; default 1s
              --connections N        keep-alive connections; default 16
              --units N              request k asks for unit k mod N; default 1000
              --poisson              exponential gaps of the same mean rate instead of even ones
              --seed N               seed of the Poisson gaps; default 1
              --timeout D            a request without a complete answer this long after its intended start fails; default 10s
              --expect NAME          how the expected bodies are computed: index (unit i answers "i\\n"), or
                                     serve:<work>:<units> (the suite's service, "<i> <primes in slice i>\\n")
              --expect-index         the same as --expect index
              --hgrm FILE            write the corrected latency distribution (HdrHistogram .hgrm, ms)
              --hgrm-uncorrected FILE  the same for latencies from the actual send
              --json FILE            write the result as JSON
              --capacity             measure the generator's top rate against its own null server, up to --rate
                                     when it is given (the probes stop there)
            """;

    private static final Set<String> FLAGS = Set.of("--poisson", "--expect-index", "--capacity", "--help", "-h");

    static LoadOptions parse(String... args) {
        String host = LoopbackTarget.DEFAULT_HOST;
        Integer port = null;
        double rate = LoadSettings.DEFAULT_RATE;
        Duration duration = LoadSettings.DEFAULT_DURATION;
        Duration warmup = LoadSettings.DEFAULT_WARMUP;
        int connections = LoadSettings.DEFAULT_CONNECTIONS;
        int units = LoadSettings.DEFAULT_UNITS;
        boolean poisson = false;
        long seed = LoadSettings.DEFAULT_SEED;
        Duration timeout = LoadSettings.DEFAULT_TIMEOUT;
        String expect = null;
        Path hgrm = null;
        Path uncorrectedHgrm = null;
        Path json = null;
        boolean capacity = false;
        boolean durationGiven = false;
        boolean rateGiven = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            if (FLAGS.contains(option)) {
                if (value != null) {
                    throw new IllegalArgumentException(option + " takes no value, got '" + value + "'");
                }
                switch (option) {
                    case "--poisson" -> poisson = true;
                    case "--expect-index" -> expect = ExpectedBodies.INDEX;
                    case "--capacity" -> capacity = true;
                    default -> {
                        return new LoadOptions(null, null, Optional.empty(), Optional.empty(), Optional.empty(),
                                false, true);
                    }
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(known(option) + " needs a value");
                }
                value = args[++i];
            }
            switch (known(option)) {
                case "--host" -> host = value;
                case "--port" -> port = whole(option, value);
                case "--rate" -> {
                    rate = number(option, value);
                    rateGiven = true;
                }
                case "--duration" -> {
                    duration = DurationText.parse(option, value);
                    durationGiven = true;
                }
                case "--warmup" -> warmup = DurationText.parse(option, value);
                case "--connections" -> connections = whole(option, value);
                case "--units" -> units = whole(option, value);
                case "--seed" -> seed = longWhole(option, value);
                case "--timeout" -> timeout = DurationText.parse(option, value);
                case "--expect" -> expect = value;
                case "--hgrm" -> hgrm = Path.of(value);
                case "--hgrm-uncorrected" -> uncorrectedHgrm = Path.of(value);
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalStateException("an option without a case: " + option);
            }
        }
        if (capacity) {
            Duration probe = durationGiven ? duration : GeneratorCapacity.DEFAULT_PROBE;
            // checked as a run's settings are, before anything starts; the port is the null server's, picked later
            LoadSettings checked = LoadSettings.to(1).withConnections(connections).withDuration(probe)
                    .withRate(rateGiven ? rate : LoadSettings.MAX_RATE);
            return new LoadOptions(checked, ExpectedBodies.INDEX, Optional.empty(), Optional.empty(),
                    Optional.ofNullable(json), true, false);
        }
        if (port == null) {
            throw new IllegalArgumentException("--port is required: the port of the server on " + host);
        }
        if (expect == null) {
            throw new IllegalArgumentException("--expect is required: how the expected bodies are computed"
                    + " (index: unit i answers \"i\\n\"), or --expect-index");
        }
        ExpectedBodies.named(expect);
        LoadSettings settings = new LoadSettings(new LoopbackTarget(host, port), rate, warmup, duration, connections,
                units, poisson, seed, timeout);
        return new LoadOptions(settings, expect, Optional.ofNullable(hgrm), Optional.ofNullable(uncorrectedHgrm),
                Optional.ofNullable(json), false, false);
    }

    IntFunction<byte[]> bodies() {
        return ExpectedBodies.named(expect);
    }

    private static String known(String option) {
        return switch (option) {
            case "--host", "--port", "--rate", "--duration", "--warmup", "--connections", "--units", "--seed",
                 "--timeout", "--expect", "--hgrm", "--hgrm-uncorrected", "--json" -> option;
            default -> throw new IllegalArgumentException("unknown option '" + option + "'; options: --host, --port,"
                    + " --rate, --duration, --warmup, --connections, --units, --poisson, --seed, --timeout, --expect,"
                    + " --expect-index, --hgrm, --hgrm-uncorrected, --json, --capacity, --help");
        };
    }

    private static int whole(String option, String value) {
        long parsed = longWhole(option, value);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a whole number of at most " + Integer.MAX_VALUE
                    + ", got '" + value + "'");
        }
        return (int) parsed;
    }

    private static long longWhole(String option, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException notWhole) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
    }
}
