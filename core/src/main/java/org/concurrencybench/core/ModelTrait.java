package org.concurrencybench.core;

import java.util.Optional;

/**
 * A fact about a model that changes how its figures are read or run, stated by the model
 * itself so that commands and reports need no list of model ids.
 */
public enum ModelTrait {

    /**
     * Runs every unit one after another on one thread: no concurrency at all. Its figure is the
     * row the others are set against, what the work costs with no model.
     */
    BASELINE,

    /**
     * Runs its units on virtual threads. On JDK 21 to 23 a virtual thread that waits inside
     * {@code synchronized} keeps its carrier (it is pinned); JEP 491 ended that in JDK 24.
     */
    VIRTUAL_THREADS("virtual thread"),

    /**
     * Starts a process for every task: each operation of a batch is that many process start-ups,
     * seconds each, so a first look at the suite leaves it out unless it is named.
     */
    PROCESS_PER_TASK,

    /**
     * Runs everything as another model does but for how a unit's payload bytes travel back to
     * the caller. Where no unit carries a payload its figures are that other model's, so a first
     * look measures it only where a payload moves.
     */
    PAYLOAD_VARIANT,

    /**
     * Serves the way services are most often built, and argued about: a platform thread per
     * connection, a virtual thread per connection, a servlet container's fixed pool, or
     * asynchronous I/O. A first look at servers under load compares these and leaves the rest
     * to a full run or to being named.
     */
    COMMON_SERVER;

    private final String thread;

    ModelTrait() {
        this(null);
    }

    ModelTrait(String thread) {
        this.thread = thread;
    }

    /**
     * What one thread of a model with this trait is called where a report reads the model's
     * figures through the trait ({@code virtual thread}, whose carrier a wait may keep); empty
     * for a trait that says nothing about the model's threads.
     */
    public Optional<String> thread() {
        return Optional.ofNullable(thread);
    }
}
