package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generator against scripted loopback servers: what it measures when a server stalls or is
 * slow, and that every wrong answer and failed connection is counted. No test asserts how fast
 * anything is; the JUnit time-outs only turn a hang into a failure.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadGeneratorTest {

    private static final IntFunction<byte[]> BODIES = ExpectedBodies.index();

    private static LoadResult run(LoadSettings settings) throws IOException, InterruptedException {
        return new LoadGenerator(settings, BODIES).run();
    }

    private static LoadSettings settings(int port, double rate, Duration warmup, Duration duration, int connections) {
        return LoadSettings.to(port).withRate(rate).withWarmup(warmup).withDuration(duration)
                .withConnections(connections);
    }

    private static long countAtLeast(Histogram micros, long millis) {
        return micros.getCountBetweenValues(TimeUnit.MILLISECONDS.toMicros(millis), micros.getHighestTrackableValue());
    }

    @Test
    void aStallShowsInTheCorrectedTailForEveryRequestItDelayedButOnlyOncePerConnectionUncorrected() throws Exception {
        long stallMillis = 500;
        int connections = 10;
        AtomicLong stallEnds = new AtomicLong(System.nanoTime());
        // at 1,000/s request 1,200 arrives 1.2 s in: inside the measured period [0.2 s, 2.2 s)
        ScriptedHttpServer.Script stallsOnce = (number, unit) -> {
            if (number == 1_200) {
                stallEnds.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(stallMillis));
            }
            long left = stallEnds.get() - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
            return ScriptedHttpServer.ok(BODIES.apply(unit));
        };
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(stallsOnce)) {
            result = run(settings(server.port(), 1_000, Duration.ofMillis(200), Duration.ofSeconds(2), connections));
        }

        assertEquals(0, result.errors().total(), result.errors().toString());
        assertEquals(result.scheduled(), result.completed());
        // corrected: every request scheduled during the stall waited for its end, up to the whole stall
        assertTrue(result.corrected().max() >= 0.75 * stallMillis, "corrected max " + result.corrected().max());
        long correctedLong = countAtLeast(result.correctedHistogram(), stallMillis / 2);
        assertTrue(correctedLong >= 150, correctedLong + " corrected latencies of half the stall or more;"
                + " 250 were scheduled in its first half");
        assertTrue(result.corrected().p99() >= stallMillis / 2.0, "corrected p99 " + result.corrected().p99());
        // uncorrected: only the requests already sent when the stall began, one per connection at most, waited
        // for most of it; a pause of the shared machine itself may add one or two
        long uncorrectedLong = countAtLeast(result.uncorrectedHistogram(), stallMillis * 3 / 4);
        assertTrue(uncorrectedLong >= 1 && uncorrectedLong <= connections + 2, uncorrectedLong
                + " uncorrected latencies of three quarters of the stall or more, expected about " + connections);
        assertTrue(result.uncorrected().p99() < stallMillis / 2.0, "uncorrected p99 " + result.uncorrected().p99());
    }

    @Test
    void theScheduleKeepsItsRateWhenAnswersAreSlow() throws Exception {
        long delayMillis = 50;
        ScriptedHttpServer.Script slow = (number, unit) -> {
            Thread.sleep(delayMillis);
            return ScriptedHttpServer.ok(BODIES.apply(unit));
        };
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(slow)) {
            // 200/s x 50 ms keeps 10 requests in flight: 20 connections are enough
            result = run(settings(server.port(), 200, Duration.ofMillis(250), Duration.ofSeconds(2), 20));
        }

        assertEquals(400, result.scheduled(), "rate x duration");
        assertEquals(400, result.sent());
        assertEquals(400, result.completed());
        assertEquals(0, result.errors().total(), result.errors().toString());
        // answers that slip past either end of the period by a pause of the shared machine move it a little
        assertEquals(200, result.achievedRate(), 200 * 0.1, "achieved against offered");
        assertTrue(result.corrected().p50() >= delayMillis, "no answer comes before the server's delay: "
                + result.corrected());
    }

    @Test
    void everyWrongBodyIsCounted() throws Exception {
        AtomicLong wrongSent = new AtomicLong();
        ScriptedHttpServer.Script everyTenthWrong = (number, unit) -> {
            if (number % 10 == 9) {
                wrongSent.incrementAndGet();
                return ScriptedHttpServer.ok(("not " + unit + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return ScriptedHttpServer.ok(BODIES.apply(unit));
        };
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(everyTenthWrong)) {
            result = run(settings(server.port(), 500, Duration.ZERO, Duration.ofSeconds(1), 4));
            assertEquals(500, server.requests());
        }

        assertEquals(50, wrongSent.get());
        assertEquals(50, result.errors().wrongBody());
        assertEquals(50, result.errors().total());
        assertEquals(450, result.completed());
        assertEquals(500, result.corrected().count(), "a wrong body still has a latency");
    }

    @Test
    void otherStatusesAreCountedByStatus() throws Exception {
        ScriptedHttpServer.Script everySeventhUnavailable = (number, unit) -> number % 7 == 6
                ? ScriptedHttpServer.status(503, new byte[0])
                : ScriptedHttpServer.ok(BODIES.apply(unit));
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(everySeventhUnavailable)) {
            result = run(settings(server.port(), 500, Duration.ZERO, Duration.ofSeconds(1), 4));
        }

        assertEquals(Map.of(503, 71L), result.errors().statuses());
        assertEquals(71, result.errors().total());
        assertEquals(429, result.completed());
    }

    @Test
    void refusedConnectionsAreCountedAndTheRunEnds() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = taken.getLocalPort();
        }

        LoadResult result = run(settings(port, 100, Duration.ZERO, Duration.ofSeconds(1), 4));

        assertEquals(100, result.scheduled());
        assertEquals(100, result.errors().refused());
        assertEquals(100, result.errors().total());
        assertEquals(0, result.completed());
        assertEquals(0, result.corrected().count(), "a refused request has no answer time");
    }

    @Test
    void aServerThatClosesMidResponseIsCountedAsClosed() throws Exception {
        byte[] cut = new byte[40];
        System.arraycopy(ScriptedHttpServer.response(200, "", new byte[100]), 0, cut, 0, cut.length);
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                (number, unit) -> new ScriptedHttpServer.Reply(cut, ScriptedHttpServer.Ending.CLOSE))) {
            result = run(settings(server.port(), 100, Duration.ZERO, Duration.ofSeconds(1), 4));
        }

        assertEquals(100, result.errors().closed());
        assertEquals(100, result.errors().total());
        assertTrue(result.reconnects() >= 100 - 4, "each request after the first on a connection reconnects: "
                + result.reconnects());
    }

    @Test
    void aResetConnectionIsCountedAsReset() throws Exception {
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                (number, unit) -> new ScriptedHttpServer.Reply(new byte[0], ScriptedHttpServer.Ending.RESET))) {
            result = run(settings(server.port(), 100, Duration.ZERO, Duration.ofSeconds(1), 4));
        }

        assertEquals(100, result.errors().reset() + result.errors().closed(), result.errors().toString());
        assertTrue(result.errors().reset() > 0, "a reset is told from an orderly close: " + result.errors());
        assertEquals(100, result.errors().total());
    }

    @Test
    void aBodyWithoutContentLengthIsMalformed() throws Exception {
        byte[] chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                (number, unit) -> new ScriptedHttpServer.Reply(chunked, ScriptedHttpServer.Ending.KEEP_OPEN))) {
            result = run(settings(server.port(), 100, Duration.ZERO, Duration.ofMillis(500), 4));
        }

        assertEquals(50, result.errors().malformed());
        assertEquals(50, result.errors().total());
    }

    @Test
    void requestsWithoutAnAnswerTimeOutAndKeepTheirLatency() throws Exception {
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(
                (number, unit) -> new ScriptedHttpServer.Reply(new byte[0], ScriptedHttpServer.Ending.NEVER))) {
            result = run(settings(server.port(), 100, Duration.ZERO, Duration.ofMillis(500), 2)
                    .withTimeout(Duration.ofMillis(300)));
        }

        assertEquals(50, result.scheduled());
        assertEquals(50, result.errors().timedOut());
        assertEquals(50, result.errors().total());
        assertTrue(result.errors().timedOutUnsent() > 0, "two connections held by unanswered requests leave the"
                + " rest waiting for one: " + result.errors());
        assertEquals(50, result.corrected().count(), "every time-out is in the corrected histogram");
        assertTrue(result.corrected().p50() >= 300, "at its time-out or later: " + result.corrected());
        assertEquals(50 - result.errors().timedOutUnsent(), result.uncorrected().count(),
                "only requests that were sent have a time from their send");
    }

    @Test
    void connectionCloseFromTheServerMeansAReconnectForTheNextRequest() throws Exception {
        ScriptedHttpServer.Script closesEach = (number, unit) -> new ScriptedHttpServer.Reply(
                ScriptedHttpServer.response(200, "Connection: close\r\n", BODIES.apply(unit)),
                ScriptedHttpServer.Ending.CLOSE);
        LoadResult result;
        try (ScriptedHttpServer server = ScriptedHttpServer.start(closesEach)) {
            result = run(settings(server.port(), 100, Duration.ZERO, Duration.ofSeconds(1), 2));
        }

        assertEquals(100, result.completed());
        assertEquals(0, result.errors().total(), result.errors().toString());
        assertTrue(result.reconnects() >= 98 && result.reconnects() <= 100,
                "every request but the first on each connection reconnects: " + result.reconnects());
    }

    @Test
    void poissonArrivalsKeepTheMeanRate() throws Exception {
        LoadResult result;
        try (NullHttpServer server = NullHttpServer.start(BODIES)) {
            result = run(settings(server.port(), 1_000, Duration.ZERO, Duration.ofSeconds(1), 4).withPoisson(7));
        }

        // the count of a Poisson process over 1 s at 1,000/s has a standard deviation of about 32
        assertEquals(1_000, result.scheduled(), 5 * 32);
        assertEquals(result.scheduled(), result.completed());
    }

    @Test
    void requestKAsksForUnitKModUnits() throws Exception {
        int units = 7;
        long[] asked = new long[units];
        ScriptedHttpServer.Script counts = (number, unit) -> {
            synchronized (asked) {
                asked[unit]++;
            }
            return ScriptedHttpServer.ok(BODIES.apply(unit));
        };
        try (ScriptedHttpServer server = ScriptedHttpServer.start(counts)) {
            run(settings(server.port(), 140, Duration.ZERO, Duration.ofMillis(500), 2).withUnits(units));
        }

        // requests 0..69: ten of each unit
        for (int unit = 0; unit < units; unit++) {
            assertEquals(10, asked[unit], "unit " + unit);
        }
    }

    @Test
    void tooManyConnectionsForTheDescriptorBudgetAreRefusedBeforeARun() {
        LoadSettings settings = LoadSettings.to(8080).withConnections(500);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new LoadGenerator(settings, BODIES, new org.concurrencybench.core.DescriptorBudget(1_024)));

        assertEquals("load generator: connections must be at most 384 here (a descriptor each, within this"
                + " process's ulimit -n less 256 kept for the JVM and a share for a server in the same process),"
                + " got 500", refused.getMessage());
    }
}
