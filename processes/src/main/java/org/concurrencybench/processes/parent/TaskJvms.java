package org.concurrencybench.processes.parent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workload;
import org.concurrencybench.processes.protocol.ProtocolException;
import org.concurrencybench.processes.protocol.Reply;
import org.concurrencybench.processes.protocol.WorkOrder;

/**
 * The JVMs of one run of {@code process-per-task}: each is started for one order, sent it
 * with a SHUTDOWN behind it, and counts as alive until it has exited, so at most
 * {@code maxAlive} JVMs exist at any moment. One thread starts them all and takes their
 * events, so a plain count bounds them; a Semaphore would do the same for many starting
 * threads.
 *
 * <p>Closing kills whatever is still alive: a run that fails or is interrupted ends its
 * JVMs as Python's {@code Process.kill()} does, since none of them outlives its task.
 */
public final class TaskJvms implements AutoCloseable {

    private static final long ORDER_ID = 1;

    private final String modelId;
    private final Workload workload;
    private final WorkerCommand command;
    private final Consumer<String> output;
    private final ShutdownGuard guard;
    private final int maxAlive;
    private final Deadline deadline;
    private final WorkerTimeouts timeouts;
    private final Inbox inbox = new Inbox();
    private final Map<WorkerProcess, Task> alive = new HashMap<>();
    private int started;

    /** The task a JVM runs, the bytes of its units so far, and whether it has answered. */
    private static final class Task {

        final int tag;
        final UnitTally tally;
        boolean answered;

        Task(int tag, UnitTally tally) {
            this.tag = tag;
            this.tally = tally;
        }
    }

    /** A task's result, with the tag it was started with. */
    public record Completed(int tag, long value) {
    }

    public TaskJvms(String modelId, Workload workload, WorkerCommand command, Consumer<String> output, ShutdownGuard guard,
                    int maxAlive, WorkerTimeouts timeouts, long jvmStarts) {
        this.modelId = modelId;
        this.workload = workload;
        this.command = command;
        this.output = output;
        this.guard = guard;
        this.maxAlive = maxAlive;
        this.timeouts = timeouts;
        this.deadline = timeouts.forRun(workload, jvmStarts);
    }

    /** Whether another JVM may start now. */
    public boolean hasRoom() {
        return alive.size() < maxAlive;
    }

    /** Starts a JVM for {@code order}; its result comes back with {@code tag}. */
    public void start(WorkOrder order, int tag) {
        WorkerProcess worker;
        try {
            worker = WorkerProcess.start(command.command(), modelId + "-task-" + (++started), inbox, output, guard);
        } catch (WorkerFailedException cannotStart) {
            throw failed(cannotStart);
        }
        alive.put(worker, new Task(tag, UnitTally.of(ORDER_ID, order)));
        try {
            worker.send(ORDER_ID, order);
        } catch (WorkerFailedException unreachable) {
            throw failed(unreachable);
        }
        worker.requestShutdown();
    }

    /**
     * Waits for the next thing to happen: a task's result, with the checksums of its units'
     * bytes, is returned; bytes arriving are counted in, and a JVM exiting after it answered
     * frees its slot, and both return null; anything else fails the run.
     */
    public Completed awaitNext() throws InterruptedException {
        WorkerEvent event = inbox.next(deadline);
        if (event == null) {
            throw hung();
        }
        WorkerProcess worker = event.worker();
        Task task = alive.get(worker);
        switch (event) {
            case WorkerEvent.Delivered delivered -> {
                try {
                    task.tally.add(delivered.delivery());
                } catch (ProtocolException wrongBytes) {
                    throw failed(worker.failure("broke the protocol: " + wrongBytes.getMessage()));
                }
                return null;
            }
            case WorkerEvent.Replied replied -> {
                switch (replied.reply()) {
                    case Reply.Result result -> {
                        task.answered = true;
                        try {
                            return new Completed(task.tag, task.tally.complete(result.value()));
                        } catch (ProtocolException missingBytes) {
                            throw failed(worker.failure("broke the protocol: " + missingBytes.getMessage()));
                        }
                    }
                    case Reply.UnitError error -> throw failed(error.toException(worker.pid()));
                    case Reply.Cancelled cancelled -> throw failed(worker.failure("reported its task cancelled, but it was not"));
                }
            }
            case WorkerEvent.Ended ended -> {
                if (!task.answered || !worker.endedNormally()) {
                    throw failed(worker.lostFailure()); // still in alive: close() reaps it
                }
                alive.remove(worker);
                worker.awaitExit(timeouts.cancelGrace());
                return null;
            }
        }
    }

    /** Waits until every JVM started has exited. */
    public void awaitAllExited() throws InterruptedException {
        while (!alive.isEmpty()) {
            Completed unexpected = awaitNext();
            if (unexpected != null) {
                throw failed(new IllegalStateException("task " + unexpected.tag() + " answered twice"));
            }
        }
    }

    private RunFailedException failed(RuntimeException cause) {
        return RunFailures.failed(modelId, workload, cause);
    }

    private RunFailedException hung() {
        List<WorkerProcess> silent = new ArrayList<>();
        alive.forEach((worker, task) -> {
            if (!task.answered) {
                silent.add(worker);
            }
        });
        String within = "within " + timeouts.describe(deadline);
        if (silent.isEmpty()) {
            WorkerProcess lingering = alive.keySet().iterator().next();
            return failed(lingering.failure("answered but did not exit " + within));
        }
        return RunFailures.hung(modelId, workload, silent, within);
    }

    /** Kills every JVM of the run still alive and waits for them: nothing of a run outlives it. */
    @Override
    public void close() {
        alive.keySet().forEach(WorkerProcess::signalKill);
        for (WorkerProcess worker : alive.keySet()) {
            worker.kill();
        }
        alive.clear();
    }
}
