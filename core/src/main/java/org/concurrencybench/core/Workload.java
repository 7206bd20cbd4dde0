package org.concurrencybench.core;

import java.util.Map;

/**
 * A named, deterministic piece of work whose answer is known without running any model.
 *
 * <p>The kinds are sealed: a new kind is a new record here and a new abstract method in
 * {@link AbstractConcurrencyModel}, so the compiler demands it from every model.
 */
public sealed interface Workload permits Batch, Tree, Relay, Contention {

    /** The catalog id this workload was made from, such as {@code cpu} or {@code handoff}. */
    String name();

    /** The answer every model must give, computed without running any model. */
    long expected();

    /** The parameters that define this workload, in a stable order, for reports. */
    Map<String, Long> parameters();

    /** {@code cpu(limit=2000000, units=64)}: the id and its parameters, for messages. */
    default String describe() {
        StringBuilder text = new StringBuilder(name()).append('(');
        String separator = "";
        for (Map.Entry<String, Long> parameter : parameters().entrySet()) {
            text.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = ", ";
        }
        return text.append(')').toString();
    }
}
