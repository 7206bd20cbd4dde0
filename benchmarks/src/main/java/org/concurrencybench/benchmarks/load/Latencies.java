package org.concurrencybench.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The generator's latency histograms: microseconds, 3 significant digits, tracking up to an
 * hour (longer than any run's time-out, so no value is ever out of range), and their two text
 * forms: HdrHistogram's percentile distribution ({@code .hgrm}, in milliseconds, what its
 * plotter reads) and its base64 compressed encoding ({@link Histogram#fromString} reads it back).
 */
final class Latencies {

    static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);
    static final int SIGNIFICANT_DIGITS = 3;
    /** Microseconds per millisecond: the .hgrm text is in milliseconds. */
    static final double MICROS_PER_MS = 1_000.0;

    private Latencies() {
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Records {@code nanos}, rounded to the nearest microsecond and held within the trackable range. */
    static void record(Histogram histogram, long nanos) {
        long micros = Math.max(0, (nanos + 500) / 1_000);
        histogram.recordValue(Math.min(micros, HIGHEST_TRACKABLE_MICROS));
    }

    static double millis(long micros) {
        return micros / MICROS_PER_MS;
    }

    /** HdrHistogram's percentile distribution of {@code histogram}, values in milliseconds. */
    static String hgrm(Histogram histogram) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, MICROS_PER_MS);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String encoded) {
        try {
            return Histogram.fromString(encoded);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }
}
