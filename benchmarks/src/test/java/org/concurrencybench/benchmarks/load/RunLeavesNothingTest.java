package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When a run returns, by itself or interrupted, none of its threads or sockets is left. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunLeavesNothingTest {

    private static List<String> generatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("load-generator-") || name.startsWith("load-pacer-")
                        || name.startsWith("null-http-server-"))
                .sorted().toList();
    }

    private static long openDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Assumptions.assumeTrue(os instanceof UnixOperatingSystemMXBean, "descriptors are counted on Unix only");
        return ((UnixOperatingSystemMXBean) os).getOpenFileDescriptorCount();
    }

    private static LoadResult runAgainstNullServer(int connections) throws Exception {
        try (NullHttpServer server = NullHttpServer.start(ExpectedBodies.index())) {
            LoadSettings settings = LoadSettings.to(server.port()).withRate(500).withConnections(connections)
                    .withWarmup(Duration.ofMillis(100)).withDuration(Duration.ofMillis(400));
            return new LoadGenerator(settings, ExpectedBodies.index()).run();
        }
    }

    @Test
    void aRunClosesEverySocketAndEndsItsThreads() throws Exception {
        runAgainstNullServer(8); // loads the classes and opens the jars a run needs
        long before = openDescriptors();

        LoadResult result = runAgainstNullServer(64);

        assertEquals(result.scheduled(), result.completed());
        assertEquals(List.of(), generatorThreads());
        assertEquals(before, openDescriptors(), "open file descriptors after a run with 64 connections");
    }

    @Test
    void anInterruptedRunEndsAtOnceAndLeavesNothing() throws Exception {
        long before;
        runAgainstNullServer(8);
        before = openDescriptors();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        CountDownLatch serverUp = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform().name("interrupted-caller").start(() -> {
            try (NullHttpServer server = NullHttpServer.start(ExpectedBodies.index())) {
                LoadSettings settings = LoadSettings.to(server.port()).withRate(200).withConnections(16)
                        .withWarmup(Duration.ZERO).withDuration(Duration.ofMinutes(10));
                serverUp.countDown();
                new LoadGenerator(settings, ExpectedBodies.index()).run();
                ended.set(new AssertionError("a ten-minute run returned"));
            } catch (Throwable thrown) {
                ended.set(thrown);
            }
        });
        assertTrue(serverUp.await(10, TimeUnit.SECONDS));
        Thread.sleep(300);

        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertEquals(false, caller.isAlive(), "the interrupted caller is still in the run");
        assertInstanceOf(InterruptedException.class, ended.get());
        assertEquals(List.of(), generatorThreads());
        assertEquals(before, openDescriptors());
    }

    @Test
    void aRunAgainstNoServerEndsAndLeavesNothing() throws Exception {
        runAgainstNullServer(8);
        long before = openDescriptors();
        int port;
        try (NullHttpServer gone = NullHttpServer.start(ExpectedBodies.index())) {
            port = gone.port();
        }

        LoadResult result = new LoadGenerator(LoadSettings.to(port).withRate(200).withConnections(8)
                .withWarmup(Duration.ZERO).withDuration(Duration.ofMillis(300)), ExpectedBodies.index()).run();

        assertEquals(result.scheduled(), result.errors().refused());
        assertEquals(List.of(), generatorThreads());
        assertEquals(before, openDescriptors());
    }
}
