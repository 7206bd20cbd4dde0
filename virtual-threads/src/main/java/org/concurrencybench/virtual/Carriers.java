package org.concurrencybench.virtual;

/**
 * How many carriers this JVM's virtual-thread scheduler has. Java 21 gives an executor no
 * carriers of its own, so inside one JVM a virtual model's P is a label: every virtual model
 * runs on the same carriers, set per JVM.
 */
final class Carriers {

    static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private Carriers() {
    }

    /** The scheduler's parallelism: the system property if set, else the available processors. */
    static int ofThisJvm() {
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

    /** Where {@link #ofThisJvm()} comes from, for messages. */
    static String source() {
        return System.getProperty(PARALLELISM_PROPERTY) == null ? "the available processors" : "-D" + PARALLELISM_PROPERTY;
    }
}
