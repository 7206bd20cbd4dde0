package org.concurrencybench.benchmarks.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.concurrencybench.core.ModelProvider;
import org.concurrencybench.core.ModelRegistry;
import org.junit.jupiter.api.Test;

class JvmCaveatsTest {

    private final int processors = Runtime.getRuntime().availableProcessors();

    @Test
    void everyModelsOwnCaveatIsPrintedOnceWhateverTheNumberOfP() {
        List<String> every = ModelRegistry.ids();
        List<Integer> cores = List.of(processors, processors + 1, processors + 2);
        List<String> expected = ModelRegistry.providers().stream()
                .flatMap(provider -> cores.stream().map(provider::caveatInThisJvm).flatMap(Optional::stream))
                .distinct().toList();

        assertEquals(expected, JvmCaveats.of(every, cores));
    }

    @Test
    void aModelThatIsNotSelectedSaysNothing() {
        ModelProvider withCaveat = ModelRegistry.providers().stream()
                .filter(provider -> provider.caveatInThisJvm(processors + 1).isPresent()).findFirst().orElseThrow();
        List<String> others = ModelRegistry.ids().stream().filter(id -> !id.equals(withCaveat.id())).toList();

        assertEquals(List.of(), JvmCaveats.of(others, List.of(processors + 1)).stream()
                .filter(note -> note.equals(withCaveat.caveatInThisJvm(processors + 1).orElseThrow())).toList());
    }
}
