package org.concurrencybench.benchmarks.bare;

import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;

/**
 * A model's idiom, written as a textbook writes it: the tasks started and joined, and nothing
 * else. The work is the workload's own ({@link Batch#runUnit}, {@link Tree.Node},
 * {@link Relay#next}), so that a twin differs from its model only in what the model adds around
 * the tasks. A twin that goes wrong answers wrongly (or hangs) rather than failing cleanly: that
 * plumbing is exactly what it leaves out.
 */
interface BareIdiom extends AutoCloseable {

    /** The units of a batch, a task each; the sum of their results. */
    long batch(Batch batch) throws Exception;

    /** A task per node, each inner node starting its children; the sum of the leaves. */
    long tree(Tree tree) throws Exception;

    /** The token round the ring; the hop count the right worker saw. */
    long relay(Relay relay) throws Exception;

    /** Ends the idiom's pool, if it has one. */
    @Override
    void close();

    /** Runs {@code workload} once; a twin has no contention idiom. */
    default long run(Workload workload) throws Exception {
        return switch (workload) {
            case Batch batch -> batch(batch);
            case Tree tree -> tree(tree);
            case Relay relay -> relay(relay);
            case Contention contention -> throw new IllegalArgumentException("a bare twin runs spawn, tree and handoff,"
                    + " not " + contention.describe());
        };
    }

    /**
     * Unit {@code unit} of {@code batch}, for a task that may not throw a checked exception. A
     * spawn unit never waits, so an interruption here is a bug and surfaces as one.
     */
    static long unit(Batch batch, int unit) {
        try {
            return batch.runUnit(unit);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }
}
