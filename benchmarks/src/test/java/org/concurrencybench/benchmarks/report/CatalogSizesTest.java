package org.concurrencybench.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSizesTest {

    @Test
    void aChoiceAtItsDefaultAndASweepAsTheBenchmarkDeclaresItAreNotCalledOut() {
        assertEquals(List.of(), CatalogSizes.offTheCatalog(Map.of(
                "contention", Map.of("lock", "synchronized,reentrant,atomic", "workers", "4"),
                "pinning", Map.of("lock", "synchronized"),
                "transfer", Map.of("payload", "0,1024,65536,1048576"))));
    }

    @Test
    void otherValuesAreCalledOutWithTheDefaultAndTheCatalogs() {
        assertEquals(List.of("contention.updates=10000 (catalog: 100000)",
                        "contention.lock=atomic (default: synchronized,reentrant,atomic; catalog: synchronized)"),
                CatalogSizes.offTheCatalog(Map.of("contention", Map.of("lock", "atomic", "updates", "10000"))));
        assertEquals(List.of("transfer.payload=0,65536,1048576 (default: 0,1024,65536,1048576; catalog: 65536)"),
                CatalogSizes.offTheCatalog(Map.of("transfer", Map.of("payload", "0,65536,1048576"))));
    }
}
