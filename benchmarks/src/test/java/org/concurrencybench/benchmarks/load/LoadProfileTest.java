package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.ModelTrait;
import org.junit.jupiter.api.Test;

/** What a comparison's load sweep loads, at which P and with which service. */
class LoadProfileTest {

    private final List<String> registered = ModelRegistry.ids();

    @Test
    void quickLoadsTheCommonServersAtTheHighestP() {
        LoadPlan plan = LoadProfile.QUICK.plan(registered, false, List.of(1, 2), Path.of("out"));

        List<String> common = registered.stream()
                .filter(model -> ModelRegistry.provider(model).description().has(ModelTrait.COMMON_SERVER)).toList();
        assertEquals(4, common.size(), "a platform and a virtual thread per connection, a fixed pool, async I/O: " + common);
        assertEquals(common, plan.models());
        assertEquals(List.of(2), plan.cores());
        assertEquals(List.of(1_000.0, 2_000.0, 4_000.0, 8_000.0), plan.rates());
        assertEquals(LoadProfile.DELAY_MS, plan.serve().delayMs());
        assertEquals(new Slo("p99", LoadProfile.DELAY_MS + Slo.DEFAULT_MARGIN_MS), plan.slo());
        assertTrue(LoadProfile.QUICK.plannedSeconds(plan) <= 120, "quick's sweep is planned within two minutes");
    }

    @Test
    void namedModelsAreLoadedWhateverTheyAre() {
        List<String> named = List.of(registered.getLast(), registered.getFirst());

        assertEquals(named, LoadProfile.QUICK.plan(named, true, List.of(1), Path.of("out")).models());
    }

    @Test
    void fullLoadsEveryModelAtEveryPWithRatesFoundByDoubling() {
        LoadPlan plan = LoadProfile.FULL.plan(registered, false, List.of(1, 2, 4), Path.of("out"));

        assertEquals(registered, plan.models());
        assertEquals(List.of(1, 2, 4), plan.cores());
        assertTrue(plan.auto());
    }
}
