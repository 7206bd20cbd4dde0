package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadSizesTest {

    @Test
    void everyWorkloadGetsAllItsParametersWithTheCatalogDefaults() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("cpu", "handoff"), List.of());

        assertEquals(Map.of("limit", "2000000", "units", "64", "payload", "0"), sizes.get("cpu"));
        assertEquals(List.of("workers", "hops"), List.copyOf(sizes.get("handoff").keySet()));
    }

    @Test
    void aSizeTheBenchmarkSweepsDefaultsToItsSweep() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("transfer", "contention", "pinning"), List.of());

        assertEquals("0,1024,65536,1048576", sizes.get("transfer").get("payload"));
        assertEquals("synchronized,reentrant,atomic", sizes.get("contention").get("lock"));
        assertEquals("synchronized,reentrant", sizes.get("pinning").get("lock"));
        assertEquals("64", sizes.get("pinning").get("locks"));
    }

    @Test
    void aPlainNameSetsEverySelectedWorkloadThatHasIt() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("cpu", "spawn", "tree"), List.of("units=100"));

        assertEquals("100", sizes.get("cpu").get("units"));
        assertEquals("100", sizes.get("spawn").get("units"));
        assertEquals(Map.of("width", "10", "depth", "6"), sizes.get("tree"));
    }

    @Test
    void aQualifiedNameSetsOneWorkloadAndUnderscoresAreReadAsTheNumber() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("cpu", "spawn"), List.of("spawn.units=1_000"));

        assertEquals("64", sizes.get("cpu").get("units"));
        assertEquals("1000", sizes.get("spawn").get("units"));
    }

    @Test
    void aChoiceIsWrittenByItsNameAsTheCatalogWritesIt() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("contention"), List.of("lock=Reentrant"));

        assertEquals("reentrant", sizes.get("contention").get("lock"));
    }

    @Test
    void aCommaListSweepsAParameterEachValueWrittenOnceAsTheCatalogWritesIt() {
        Map<String, Map<String, String>> sizes = WorkloadSizes.of(List.of("transfer", "contention"),
                List.of("transfer.payload=0, 64_000,0", "contention.lock=ATOMIC,synchronized"));

        assertEquals("0,64000", sizes.get("transfer").get("payload"));
        assertEquals("atomic,synchronized", sizes.get("contention").get("lock"));
    }

    @Test
    void aCombinationOfSweptValuesTheCatalogRefusesIsRefusedWithItsReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("contention"), List.of("holdMs=1")));

        assertTrue(refused.getMessage().contains("holdMs must be 0 with lock=atomic"), refused.getMessage());
    }

    @Test
    void anEmptyValueInAListIsRefusedWithTheForm() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("cpu"), List.of("units=8,,16")));

        assertTrue(refused.getMessage().contains("separated by single commas"), refused.getMessage());
    }

    @Test
    void anUnknownChoiceNamesTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("contention"), List.of("lock=spin")));

        assertTrue(refused.getMessage().contains("lock must be one of synchronized, reentrant, atomic, got 'spin'"),
                refused.getMessage());
    }

    @Test
    void anUnknownParameterNamesTheParametersThereAre() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("spawn"), List.of("spawn.delayMs=3")));

        assertTrue(refused.getMessage().contains("workload spawn has no parameter 'delayMs'; its parameters: units, payload"),
                refused.getMessage());
    }

    @Test
    void aSizeTheCatalogRefusesIsRefusedWithItsReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("tree"), List.of("width=1")));

        assertTrue(refused.getMessage().contains("width must be between 2"), refused.getMessage());
    }

    @Test
    void modelAndCoresAreNotWorkloadSizes() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("cpu"), List.of("cores=4")));

        assertTrue(refused.getMessage().contains("--cores"), refused.getMessage());
    }
}
