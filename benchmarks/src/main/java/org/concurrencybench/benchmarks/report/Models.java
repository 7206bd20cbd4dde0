package org.concurrencybench.benchmarks.report;

import java.util.List;
import java.util.Optional;
import org.concurrencybench.benchmarks.python.PythonModels;
import org.concurrencybench.core.ModelDescription;
import org.concurrencybench.core.ModelRegistry;
import org.concurrencybench.core.ModelTrait;

/**
 * What the report knows of a model, which is only what the model says of itself through the
 * registry, or for a Python model through {@link PythonModels}. A results file may name a model
 * this build does not have (an older run, another suite): such a model is ranked after the
 * known ones and described by nothing.
 */
final class Models {

    private Models() {
    }

    static Optional<ModelDescription> description(String model) {
        return ModelRegistry.ids().contains(model) ? Optional.of(ModelRegistry.provider(model).description())
                : PythonModels.description(model);
    }

    static boolean has(String model, ModelTrait trait) {
        return description(model).map(description -> description.has(trait)).orElse(false);
    }

    /** The registry's order (the baseline first), then the Python models', unknown models after every known one. */
    static int rank(String model) {
        List<String> known = ModelRegistry.ids();
        int rank = known.indexOf(model);
        if (rank >= 0) {
            return rank;
        }
        int python = PythonModels.rank(model);
        return python < 0 ? Integer.MAX_VALUE : known.size() + python;
    }

    /** How many models the registry knows. */
    static int count() {
        return ModelRegistry.ids().size();
    }
}
