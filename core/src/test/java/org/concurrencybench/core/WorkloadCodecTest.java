package org.concurrencybench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadCodecTest {

    @Test
    void everyWorkloadSurvivesTheRoundTrip() throws IOException {
        List<Workload> workloads = new ArrayList<>(ConcurrencyModelContractTest.smallWorkloads());
        Workloads.all().forEach(spec -> workloads.add(spec.create()));
        workloads.add(new Batch("probe", new Probe(3, 250), 9));
        workloads.add(new Batch("demo", new WhoRuns(), 2));
        workloads.add(new Batch("demo", new Ticker(100, 5), 2));
        workloads.add(new Batch("mixed", new Mixed(1_234, 0), 3));
        workloads.add(new Batch("io", new Request(40_000, 3), 7, 12));
        workloads.add(new Contention("contention", 9, 11, LockKind.REENTRANT, 2, 3));
        for (Workload workload : workloads) {
            assertEquals(workload, decode(encode(workload)));
        }
    }

    @Test
    void anUnknownTagIsAClearError() {
        IOException error = assertThrows(IOException.class, () -> decode(new byte[] {9}));
        assertEquals("unknown workload tag 9; known: 1 (batch), 2 (tree), 3 (relay), 4 (contention)",
                error.getMessage());
    }

    @Test
    void valuesOutOfRangeAreRefusedByTheRecordsChecks() throws IOException {
        byte[] bytes = encode(new Tree("tree", 3, 2));
        bytes[bytes.length - 1] = 0; // depth 0
        IOException error = assertThrows(IOException.class, () -> decode(bytes));
        assertTrue(error.getMessage().contains("tree.depth must be 1 to 30, got 0"), error.getMessage());
    }

    private static byte[] encode(Workload workload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkloadCodec.write(new DataOutputStream(bytes), workload);
        return bytes.toByteArray();
    }

    private static Workload decode(byte[] bytes) throws IOException {
        return WorkloadCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
