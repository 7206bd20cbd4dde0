package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.LoopbackServer;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Request;
import org.concurrencybench.core.Workloads;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Fork;

/**
 * A model benchmark's trial, driven as JMH drives it (set-up, benchmark method, iteration
 * check, tear-down) but in this JVM, so that what the trial opens can be watched: io's server
 * listens from the set-up to the tear-down and not a moment beyond either.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ModelBenchmarkTest {

    /** The name of a loopback server's thread is its port's: the server is alive while it is. */
    private static final String SERVER_THREAD = "loopback-server-";

    @Test
    void theRecordOfAForksJvmOptionsIsWhatTheForkAnnotationGivesIt() {
        assertEquals(BenchmarkDefaults.JVM_ARGS,
                List.of(BenchmarkDefaults.class.getAnnotation(Fork.class).jvmArgs()));
    }

    @Test
    void theTrialOpensIoWithItsServerAndClosesTheServerAfterTheModel() throws InterruptedException {
        IoBenchmark io = smallIo(inJvmModel());

        io.openWorkloadAndCreateModel();
        OpenWorkload open = io.openWorkload();
        assertNotNull(open, "the set-up opens the workload");
        LoopbackServer server = open.server().orElseThrow(() -> new AssertionError("io opens with a server"));
        int port = ((Request) ((Batch) open.workload()).kernel()).port();
        assertEquals(server.port(), port, "the workload's units call the server the trial started");
        assertTrue(serverThreads().contains(SERVER_THREAD + port), "the server runs during the trial");

        long answer = io.requestOverLoopbackInEveryTask();
        io.checkAnswers();
        assertEquals(open.workload().expected(), answer);
        assertEquals(4, server.answered(), "every unit's request reached the trial's server");

        io.closeModelThenWorkload();
        assertNull(io.openWorkload());
        assertFalse(serverThreads().contains(SERVER_THREAD + port), "the tear-down stops the server and waits for it");
        io.closeModelThenWorkload(); // a second tear-down finds nothing left to close
    }

    @Test
    void aPairTheModelRefusesLeavesNoServerBehind() {
        Optional<String> refusing = modelRefusingAMillionIoUnits();
        Assumptions.assumeTrue(refusing.isPresent(), "no installed model declares a limit for a million io units");
        IoBenchmark io = smallIo(refusing.get());
        io.units = "1000000";
        List<String> before = serverThreads();

        IllegalStateException refused = assertThrows(IllegalStateException.class, io::openWorkloadAndCreateModel);

        assertTrue(refused.getMessage().startsWith("n/a: " + refusing.get() + " cannot run io("), refused.getMessage());
        assertEquals(before, serverThreads(), "the server started for the refused pair was stopped");
        assertNull(io.openWorkload());
    }

    @Test
    void sizesTheCatalogRefusesStartNothing() {
        IoBenchmark io = smallIo("thread-pool");
        io.delayMs = "-1";
        List<String> before = serverThreads();

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, io::openWorkloadAndCreateModel);

        assertTrue(refused.getMessage().contains("io.delayMs must be 0 to 60,000, got -1"), refused.getMessage());
        assertEquals(before, serverThreads());
    }

    private static IoBenchmark smallIo(String model) {
        IoBenchmark io = new IoBenchmark();
        io.model = model;
        io.cores = 1;
        io.units = "4";
        io.delayMs = "1";
        io.payload = "0";
        return io;
    }

    private static String inJvmModel() {
        Optional<String> model = List.of("virtual", "thread-pool").stream().filter(ModelRegistry.ids()::contains).findFirst();
        Assumptions.assumeTrue(model.isPresent(), "neither virtual nor thread-pool is installed");
        return model.get();
    }

    private static Optional<String> modelRefusingAMillionIoUnits() {
        return ModelRegistry.ids().stream().filter(model -> {
            try (ConcurrencyModel created = ModelRegistry.create(model, 1)) {
                return created.limit(Workloads.create("io", java.util.Map.of("units", "1000000"))).isPresent();
            }
        }).findFirst();
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(SERVER_THREAD)).sorted().toList();
    }
}
