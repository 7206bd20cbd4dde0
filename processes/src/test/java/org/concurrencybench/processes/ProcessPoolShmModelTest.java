package org.concurrencybench.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Ticker;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.processes.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code process-pool-shm}: the contract, every test of {@code process-pool} (the same pool,
 * with its units' bytes in payload regions), and the life of the regions' files.
 */
class ProcessPoolShmModelTest extends ProcessPoolModelTest {

    private static final int LARGE_PAYLOAD = 3 << 20;

    @Override
    ProcessPoolModel.Transport transport() {
        return ProcessPoolModel.Transport.SHARED_MEMORY;
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void regionsGrowForLargerUnitsAndAreReusedForSmallerOnes() throws Exception {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        Workload small = Workloads.create("transfer", Map.of("units", "16", "payload", "1000"));
        Workload large = Workloads.create("transfer", Map.of("units", "4", "payload", String.valueOf(LARGE_PAYLOAD)));

        assertEquals(small.expected(), model.run(small));
        assertEquals(large.expected(), model.run(large));
        assertEquals(small.expected(), model.run(small), "small units again, from the start of the grown regions");

        List<Path> regions = model.regionFiles();
        assertEquals(2, regions.size(), "one region per worker");
        for (Path region : regions) {
            assertTrue(Files.size(region) >= LARGE_PAYLOAD, region + " holds " + Files.size(region) + " bytes");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void theRegionFolderIsDeletedOnClose() throws Exception {
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), line -> { });
        model.run(Workloads.create("transfer", Map.of("units", "4", "payload", "5000")));
        Path folder = model.regionFolder().orElseThrow();
        assertEquals(2, SharedFolderBase.filesIn(folder).size());

        model.close();

        assertFalse(Files.exists(folder), folder + " outlived close()");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aKilledWorkersRegionIsDeletedWithItAndTheFolderWithTheModel() throws Exception {
        OutputLines output = new OutputLines("Starting Worker-");
        ProcessPoolModel model = newModel(2, WorkerMain.class, Duration.ofMinutes(1), output);
        Path folder = model.regionFolder().orElseThrow();
        Path victimRegion = model.regionFiles().get(0);
        CompletableFuture<Throwable> outcome = runInBackground(model, new Batch("demo", new Ticker(60_000, 1), 2));
        assertTrue(output.awaitWatched(2, 1, TimeUnit.MINUTES), "both workers should start a unit");

        ProcessHandle.of(model.workerPids().get(0)).orElseThrow().destroyForcibly();

        assertInstanceOf(RunFailedException.class, outcome.get());
        assertFalse(Files.exists(victimRegion), "the killed worker's region " + victimRegion + " is left");
        Path replacementRegion = model.regionFiles().get(0);
        assertNotEquals(victimRegion, replacementRegion, "the replacement has a region of its own");
        assertEquals(Set.copyOf(model.regionFiles()), Set.copyOf(SharedFolderBase.filesIn(folder)),
                "the folder holds the live workers' regions and nothing else");
        Workload transfer = Workloads.create("transfer", Map.of("units", "6", "payload", "70000"));
        assertEquals(transfer.expected(), model.run(transfer), "the replacement moves bytes through its region");

        model.close();

        assertFalse(Files.exists(folder), folder + " outlived close()");
    }
}
