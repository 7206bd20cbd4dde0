package org.concurrencybench.benchmarks.verify;

import java.util.List;
import java.util.Optional;
import org.concurrencybench.core.ModelRegistry;

/**
 * What the selected models say about being run at these P inside this one JVM (a command
 * that runs models in its own JVM cannot hold each to P cores as a benchmark fork is). The
 * models word their own caveats; each is printed once.
 */
public final class JvmCaveats {

    private JvmCaveats() {
    }

    public static List<String> of(List<String> modelIds, List<Integer> coreCounts) {
        return modelIds.stream().map(ModelRegistry::provider)
                .flatMap(provider -> coreCounts.stream().map(provider::caveatInThisJvm).flatMap(Optional::stream))
                .distinct().toList();
    }
}
