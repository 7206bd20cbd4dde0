package org.concurrencybench.core;

/**
 * Makes one model; the entry a model module lists in
 * {@code META-INF/services/org.concurrencybench.core.ModelProvider}. By convention it is a
 * nested {@code Provider} class of the model, so a new model is one file and one line.
 */
public interface ModelProvider {

    /** The model id, unique across the suite, such as {@code fork-join}. */
    String id();

    /** The module the model lives in, such as {@code executors}. */
    String module();

    /** One line: how the model runs work. */
    String summary();

    /** Where the model comes in listings: the order DESIGN.md gives them in. */
    int rank();

    /** A new model with {@code parallelism} cores; throws IllegalArgumentException if P < 1. */
    ConcurrencyModel create(int parallelism);
}
