package org.concurrencybench.processes.parent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The events of a group of workers, taken one at a time by the thread running the work. */
public final class Inbox implements Consumer<WorkerEvent> {

    private final BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(WorkerEvent event) {
        events.add(event);
    }

    /** The next event, or null once the deadline has passed. */
    public WorkerEvent next(Deadline deadline) throws InterruptedException {
        return events.poll(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The next event, or null once the deadline has passed, waiting through interrupts (and
     * restoring the interrupt flag after): clean-up after a failure or a cancel must finish,
     * in bounded time, before the run reports.
     */
    public WorkerEvent nextUninterruptibly(Deadline deadline) {
        return Waits.uninterruptibly(deadline, nanos -> events.poll(nanos, TimeUnit.NANOSECONDS));
    }
}
