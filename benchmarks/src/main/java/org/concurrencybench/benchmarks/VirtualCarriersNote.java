package org.concurrencybench.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * The virtual model's carriers are the JVM's one virtual-thread scheduler (Java 21 gives an
 * executor no carriers of its own), so inside one JVM its P is a label: every virtual model
 * runs on the same carriers. Benchmarks hold each forked JVM to P; a command that runs models
 * in its own JVM says so whenever a P it shows differs from the carriers there are.
 */
final class VirtualCarriersNote {

    static final String MODEL = "virtual";
    private static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private VirtualCarriersNote() {
    }

    /** The note, when {@code modelIds} holds the virtual model and some P is not the carrier count. */
    static Optional<String> of(List<String> modelIds, List<Integer> coreCounts) {
        int carriers = carriers();
        if (!modelIds.contains(MODEL) || coreCounts.stream().allMatch(parallelism -> parallelism == carriers)) {
            return Optional.empty();
        }
        return Optional.of(MODEL + " runs on this JVM's one virtual-thread scheduler, " + carriers + " carriers ("
                + (System.getProperty(PARALLELISM_PROPERTY) == null ? "the available processors" : "-D" + PARALLELISM_PROPERTY)
                + "), whatever P its rows show; bench compare gives each P a JVM of its own");
    }

    /** The scheduler's parallelism: the system property if set, else the available processors. */
    static int carriers() {
        String configured = System.getProperty(PARALLELISM_PROPERTY);
        if (configured != null) {
            try {
                return Integer.parseInt(configured.strip());
            } catch (NumberFormatException unreadable) {
                // the JDK refuses such a value itself when it starts the scheduler
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
