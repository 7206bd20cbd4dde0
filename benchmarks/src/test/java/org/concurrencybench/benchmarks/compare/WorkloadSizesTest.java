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

        assertEquals(Map.of("limit", "2000000", "units", "64"), sizes.get("cpu"));
        assertEquals(List.of("workers", "hops"), List.copyOf(sizes.get("handoff").keySet()));
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
    void anUnknownParameterNamesTheParametersThereAre() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("spawn"), List.of("spawn.delayMs=3")));

        assertTrue(refused.getMessage().contains("workload spawn has no parameter 'delayMs'; its parameters: units"),
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

    @Test
    void oneValuePerParameter() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSizes.of(List.of("cpu"), List.of("units=8,16")));

        assertTrue(refused.getMessage().contains("takes one value"), refused.getMessage());
    }
}
