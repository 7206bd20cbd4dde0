package org.concurrencybench.core;

import java.util.Optional;

/**
 * Makes one model and describes it; the entry a model module lists in
 * {@code META-INF/services/org.concurrencybench.core.ModelProvider}. By convention it is a
 * nested {@code Provider} class of the model, so a new model is one file and one line, and
 * what listings and reports say about it comes from here.
 */
public interface ModelProvider {

    /** The model id, unique across the suite, such as {@code fork-join}. */
    String id();

    /** The module the model lives in, such as {@code executors}. */
    String module();

    /** One line: how the model runs work. */
    default String summary() {
        return description().summary();
    }

    /** How the model runs each workload, where its figures are not comparable, its traits. */
    ModelDescription description();

    /** Where the model comes in listings and tables: the baseline first, then threads to processes. */
    int rank();

    /**
     * A caveat about running this model at P = {@code parallelism} in the current JVM (for
     * example when its carriers are set per JVM, not per model); empty when there is none.
     */
    default Optional<String> caveatInThisJvm(int parallelism) {
        return Optional.empty();
    }

    /** A new model with {@code parallelism} cores; throws IllegalArgumentException if P < 1. */
    ConcurrencyModel create(int parallelism);
}
