package org.concurrencybench.core;

import java.util.Map;

/**
 * What one unit of a {@link Batch} does. Sealed so that a model which does something special
 * for a kind of unit (the async model waits for a {@link Sleep} without holding a thread)
 * must say what it does for every kind: a switch over the kernels is checked for
 * exhaustiveness by the compiler.
 */
public sealed interface Kernel permits Primes, Sleep, Mixed, Request, Identity, Park, Probe, WhoRuns, Ticker {

    /** The result of unit {@code unit} of {@code units}. May block; honours interruption. */
    long run(int unit, int units) throws InterruptedException;

    /** The sum of all units' results, known without running them. */
    long expected(int units);

    /**
     * Whether a unit waits for a while (sleeps, blocks on a socket) rather than only computing:
     * a model that gives each unit a thread keeps that thread, or its stack, through the wait,
     * so every unit of the batch may be alive at once.
     */
    boolean waits();

    /** The kernel's own parameters (the batch adds {@code units}). */
    Map<String, Long> parameters();
}
