package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of the parameters of the newer workloads. */
class JmhResultsReaderTest {

    @TempDir
    Path folder;

    @Test
    void aChoiceIsReadByItsNameInTheCatalogsOrderAndTheForksJdkIsKept() throws IOException {
        Measurement measurement = readOne("ContentionBenchmark.updateOneSharedCounter",
                "\"cores\": \"2\", \"holdMs\": \"0\", \"lock\": \"Reentrant\", \"locks\": \"1\", \"model\": \"virtual\","
                        + " \"updates\": \"100\", \"workers\": \"4\"");

        assertEquals("contention", measurement.workload());
        assertEquals(List.of("workers", "updates", "lock", "holdMs", "locks"), List.copyOf(measurement.sizes().keySet()));
        assertEquals("reentrant", measurement.sizes().get("lock"));
        assertEquals("21.0.7", measurement.jdk());
    }

    @Test
    void noPayloadIsLeftOutWhereItIsTheDefaultAndKeptWhereItIsASizeOfItsOwn() throws IOException {
        Measurement cpu = readOne("CpuBenchmark.countPrimes",
                "\"cores\": \"1\", \"limit\": \"1000\", \"model\": \"virtual\", \"payload\": \"0\", \"units\": \"4\"");
        Measurement transfer = readOne("TransferBenchmark.returnPayloadFromEveryTask",
                "\"cores\": \"1\", \"model\": \"virtual\", \"payload\": \"0\", \"units\": \"4\"");
        Measurement withBytes = readOne("CpuBenchmark.countPrimes",
                "\"cores\": \"1\", \"limit\": \"1000\", \"model\": \"virtual\", \"payload\": \"64\", \"units\": \"4\"");

        assertEquals(Map.of("limit", "1000", "units", "4"), cpu.sizes());
        assertEquals(Map.of("units", "4", "payload", "0"), transfer.sizes());
        assertEquals("64", withBytes.sizes().get("payload"));
    }

    @Test
    void aBareTwinsResultIsItsWorkloadsWithTheTwinWhereAModelWouldBe() throws IOException {
        Path file = folder.resolve("twin.json");
        Files.writeString(file, "[{\"benchmark\": \"org.concurrencybench.benchmarks.bare.BareHandoffBenchmark.passTheToken\","
                + " \"mode\": \"avgt\", \"params\": {\"cores\": \"2\", \"hops\": \"10000\", \"idiom\": \"bare-virtual\","
                + " \"workers\": \"2\"}, \"primaryMetric\": {\"score\": 5.0, \"scoreError\": 0.5, \"scoreUnit\": \"ms/op\"}}]");

        Measurement twin = JmhResultsReader.read(file).getFirst();

        assertEquals("handoff", twin.workload());
        assertEquals("bare-virtual", twin.model());
        assertEquals(2, twin.cores());
        assertEquals(Map.of("workers", "2", "hops", "10000"), twin.sizes());
        assertEquals(true, TwinRatios.isTwin(twin.model()));
        assertEquals(false, TwinRatios.isTwin("virtual"));
    }

    @Test
    void scoresInOtherTimeUnitsAreConvertedToMillisecondsAndThroughputIsNot() {
        Measurement micros = new Measurement("b", "io", Map.of(), "virtual", 1, "avgt", 2_500, 100, "us/op");
        Measurement throughput = new Measurement("b", "io", Map.of(), "virtual", 1, "thrpt", 400, 10, "ops/s");

        assertEquals(2.5, micros.millisPerOperation().orElseThrow(), 1e-12);
        assertEquals(0.1, micros.errorMillis(), 1e-12);
        assertEquals(true, throughput.millisPerOperation().isEmpty());
    }

    private Measurement readOne(String benchmark, String params) throws IOException {
        Path file = folder.resolve(benchmark + ".json");
        Files.writeString(file, "[{\"benchmark\": \"org.concurrencybench.benchmarks.jmh." + benchmark + "\", \"mode\": \"avgt\","
                + " \"jdkVersion\": \"21.0.7\", \"params\": {" + params + "}, \"primaryMetric\": {\"score\": 5.0,"
                + " \"scoreError\": 0.5, \"scoreUnit\": \"ms/op\"}}]");
        List<Measurement> read = JmhResultsReader.read(file);
        assertEquals(1, read.size());
        return read.getFirst();
    }
}
