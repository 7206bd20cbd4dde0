package org.concurrencybench.processes.parent;

import org.concurrencybench.processes.protocol.Delivery;
import org.concurrencybench.processes.protocol.Reply;

/**
 * What a worker's reply reader hands to the thread running the work. One queue of events
 * for all workers lets that thread wait for whichever answers first, with a deadline, and
 * be interrupted while it waits, which a blocking read of a pipe cannot.
 */
public sealed interface WorkerEvent {

    WorkerProcess worker();

    /** The worker's last word on one order. */
    record Replied(WorkerProcess worker, Reply reply) implements WorkerEvent {
    }

    /** One unit's bytes of an order arrived, and were checksummed where they arrived; its reply comes after. */
    record Delivered(WorkerProcess worker, Delivery delivery) implements WorkerEvent {
    }

    /**
     * The worker's reply stream ended or broke: no more replies will come from it. Whether
     * that is a failure (and why) is {@link WorkerProcess#endedNormally()} and
     * {@link WorkerProcess#lostFailure()}.
     */
    record Ended(WorkerProcess worker) implements WorkerEvent {
    }
}
