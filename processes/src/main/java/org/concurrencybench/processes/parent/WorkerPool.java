package org.concurrencybench.processes.parent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.RunFailedException;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.serve.Serve;
import org.concurrencybench.core.serve.Server;
import org.concurrencybench.processes.protocol.ProtocolException;
import org.concurrencybench.processes.protocol.Reply;
import org.concurrencybench.processes.protocol.WorkOrder;
import org.concurrencybench.processes.shm.RegionReader;
import org.concurrencybench.processes.shm.SharedFolder;

/**
 * Long-lived worker JVMs and the one {@link Inbox} their events arrive on; the thread that
 * runs the work sends orders and waits on the inbox, with the run's deadline, so it can
 * be interrupted and never blocks on a pipe.
 *
 * <p>With a {@link SharedFolder} for regions, each worker is given a payload region file
 * there when it is launched (and a new one when it is replaced), and its units' bytes go
 * through it instead of the pipe. A worker gets its next order only after its reply to the
 * last one, which comes after every unit of that order has been read: that is what lets a
 * worker reuse its region from offset 0 for every order.
 *
 * <p>When a run fails (a unit threw, a worker died, answered garbage or hung) or its caller
 * is interrupted, the busy workers are sent CANCEL and given a short grace to acknowledge
 * it. Cancelling rather than destroying keeps warm JVMs for the next run, and it is prompt:
 * every kernel honours interruption. Workers that do not acknowledge in time, and workers
 * that ended, are killed and replaced, so the pool is whole again for the next run.
 *
 * <p>The workers can also serve HTTP together, beside their orders ({@link #serve}); what
 * crosses the pipes for that bypasses the inbox, so a server starts and stops while a run
 * goes on.
 */
public final class WorkerPool implements AutoCloseable {

    private static final long IDLE = -1;

    private final String modelId;
    private final String role;
    private final WorkerCommand command;
    private final WorkerTimeouts timeouts;
    private final Consumer<String> output;
    private final ShutdownGuard guard;
    private final Inbox inbox = new Inbox();
    private final WorkerProcess[] workers;
    private final long[] busyWith;
    private final UnitTally[] tallies;
    private final SharedFolder regions;
    private final Map<WorkerProcess, Integer> slots = new IdentityHashMap<>();
    /** Workers a server ended because they did not stop serving in time: the next run replaces them quietly. */
    private final Set<WorkerProcess> retired = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastServerId = new AtomicLong();
    private long lastOrderId;
    private WorkerFailedException cannotReplace;

    private WorkerPool(String modelId, String role, int size, WorkerCommand command, WorkerTimeouts timeouts,
                       Consumer<String> output, SharedFolder regions) {
        this.modelId = modelId;
        this.role = role;
        this.command = command;
        this.timeouts = timeouts;
        this.output = output;
        this.guard = new ShutdownGuard(modelId + "-" + role);
        this.workers = new WorkerProcess[size];
        this.busyWith = new long[size];
        this.tallies = new UnitTally[size];
        this.regions = regions;
        Arrays.fill(busyWith, IDLE);
    }

    /**
     * Starts {@code size} workers, named {@code <modelId>-<role>-<n>}, and waits until every
     * one can take orders. All are started before any is waited for, so they boot in
     * parallel. If one fails to start, the others are ended and the failure is thrown.
     */
    public static WorkerPool start(String modelId, String role, int size, WorkerCommand command, WorkerTimeouts timeouts,
                                   Consumer<String> output) {
        return start(modelId, role, size, command, timeouts, output, null);
    }

    /** {@link #start}, with each worker's units' bytes going through a payload region in {@code regions}. */
    public static WorkerPool start(String modelId, String role, int size, WorkerCommand command, WorkerTimeouts timeouts,
                                   Consumer<String> output, SharedFolder regions) {
        WorkerPool pool = new WorkerPool(modelId, role, size, command, timeouts, output, regions);
        try {
            for (int slot = 0; slot < size; slot++) {
                pool.launch(slot);
            }
            for (WorkerProcess worker : pool.workers) {
                worker.awaitReady(timeouts.forStart());
            }
            return pool;
        } catch (RuntimeException failed) {
            pool.close();
            throw failed;
        }
    }

    /** The pids of the current workers, in slot order. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>(workers.length);
        for (WorkerProcess worker : current()) {
            pids.add(worker.pid());
        }
        return pids;
    }

    /** The current workers, in slot order; a server reads them from another thread than the run's. */
    private synchronized List<WorkerProcess> current() {
        return List.of(workers);
    }

    /**
     * Has every current worker accept {@code serve}'s connections on {@code address}'s port
     * ({@link PoolServer}); returns once they all do. The workers go on taking orders meanwhile.
     */
    public Server serve(Serve serve, InetSocketAddress address) throws IOException {
        return PoolServer.start(this, lastServerId.incrementAndGet(), serve, address, current());
    }

    /** Waits for workers' answers about serving: as long as a worker may take to start. */
    Duration servingWait() {
        return timeouts.forStart();
    }

    /** Waits for workers to stop serving: as long as a cancelled order may take. */
    Duration stopServingGrace() {
        return timeouts.cancelGrace();
    }

    /**
     * Kills {@code worker}, which did not answer its server in time, as a run's clean-up kills
     * a worker that does not answer a cancel; the next run replaces it before it starts.
     */
    void retire(WorkerProcess worker) {
        retired.add(worker);
        worker.kill();
    }

    /** The payload region files of the current workers, in slot order; empty for a pool without regions. */
    public List<Path> regionFiles() {
        List<Path> files = new ArrayList<>(workers.length);
        for (WorkerProcess worker : workers) {
            worker.regionFile().ifPresent(files::add);
        }
        return files;
    }

    /**
     * Hands the orders out as workers become free (each worker is given its next order as
     * soon as it answers one) and returns the sum of their results, each with the checksums
     * of its units' bytes.
     */
    public long sumAll(Workload workload, List<? extends WorkOrder> orders) throws InterruptedException {
        Deadline deadline = timeouts.forRun(workload, 0);
        try {
            failIfAnyWorkerEnded(workload);
            Iterator<? extends WorkOrder> pending = orders.iterator();
            int outstanding = 0;
            for (int slot = 0; slot < workers.length && pending.hasNext(); slot++) {
                send(slot, pending.next(), workload);
                outstanding++;
            }
            long sum = 0;
            while (outstanding > 0) {
                Completed done = awaitResult(workload, deadline);
                sum += done.value();
                outstanding--;
                if (pending.hasNext()) {
                    send(done.slot(), pending.next(), workload);
                    outstanding++;
                }
            }
            return sum;
        } catch (InterruptedException | RuntimeException failed) {
            recover();
            throw failed;
        }
    }

    /**
     * Passes the relay's token through this process, the hub: the worker {@code slotOf}
     * the holder is sent the token, adds one, and replies; the reply goes to the next
     * holder's worker. Returns the hop count seen, or -1 if the token ended at the wrong
     * worker, as the reference does.
     */
    public long relay(Relay relay, IntUnaryOperator slotOf) throws InterruptedException {
        Deadline deadline = timeouts.forRun(relay, 0);
        try {
            failIfAnyWorkerEnded(relay);
            long token = 0;
            int holder = 0;
            while (token < relay.hops()) {
                send(slotOf.applyAsInt(holder), new WorkOrder.PassToken(relay, holder, token), relay);
                token = awaitResult(relay, deadline).value();
                holder = relay.next(holder);
            }
            return holder == relay.holderOf(token) ? token : -1;
        } catch (InterruptedException | RuntimeException failed) {
            recover();
            throw failed;
        }
    }

    private record Completed(int slot, long value) {
    }

    private void send(int slot, WorkOrder order, Workload workload) {
        long id = ++lastOrderId;
        busyWith[slot] = id;
        tallies[slot] = UnitTally.of(id, order);
        try {
            workers[slot].send(id, order);
        } catch (WorkerFailedException unreachable) {
            throw failed(workload, unreachable);
        }
    }

    private Completed awaitResult(Workload workload, Deadline deadline) throws InterruptedException {
        while (true) {
            WorkerEvent event = inbox.next(deadline);
            if (event == null) {
                throw hung(workload, deadline);
            }
            Integer slot = slots.get(event.worker());
            if (slot == null) {
                continue; // from a worker already replaced
            }
            try {
                Completed completed = take(event, slot, workload);
                if (completed != null) {
                    return completed;
                }
            } catch (ProtocolException wrongBytes) {
                throw failed(workload, event.worker().failure("broke the protocol: " + wrongBytes.getMessage()));
            }
        }
    }

    /** The result {@code event} completes, or null if it completes none. */
    private Completed take(WorkerEvent event, int slot, Workload workload) throws ProtocolException {
        switch (event) {
            case WorkerEvent.Ended ended -> throw failed(workload, ended.worker().lostFailure());
            case WorkerEvent.Delivered delivered when delivered.delivery().orderId() == busyWith[slot] ->
                    tallies[slot].add(delivered.delivery());
            case WorkerEvent.Delivered stale -> {
                // bytes of an order an earlier, failed run gave up on
            }
            case WorkerEvent.Replied replied when replied.reply().orderId() == busyWith[slot] -> {
                busyWith[slot] = IDLE;
                return switch (replied.reply()) {
                    case Reply.Result result -> new Completed(slot, tallies[slot].complete(result.value()));
                    case Reply.UnitError error -> throw failed(workload, error.toException(replied.worker().pid()));
                    case Reply.Cancelled cancelled -> throw failed(workload, replied.worker().failure(
                            "reported order " + cancelled.orderId() + " cancelled, but it was not"));
                };
            }
            case WorkerEvent.Replied stale -> {
                // the answer to an order an earlier, failed run gave up on
            }
        }
        return null;
    }

    private RunFailedException failed(Workload workload, RuntimeException cause) {
        return RunFailures.failed(modelId, workload, cause);
    }

    private RunFailedException hung(Workload workload, Deadline deadline) {
        List<WorkerProcess> silent = new ArrayList<>();
        for (int slot = 0; slot < workers.length; slot++) {
            if (busyWith[slot] != IDLE) {
                silent.add(workers[slot]);
            }
        }
        return RunFailures.hung(modelId, workload, silent, "within " + timeouts.describe(deadline));
    }

    /**
     * A worker that ended between runs fails the next run at once (and is replaced for the one
     * after), unless a server retired it: that one is replaced now.
     */
    private void failIfAnyWorkerEnded(Workload workload) {
        for (int slot = 0; slot < workers.length; slot++) {
            if (retired.contains(workers[slot])) {
                replace(slot);
            }
        }
        if (cannotReplace != null) {
            throw failed(workload, cannotReplace);
        }
        for (WorkerProcess worker : workers) {
            if (worker.hasEnded()) {
                throw failed(workload, worker.lostFailure());
            }
        }
    }

    private void recover() {
        for (int slot = 0; slot < workers.length; slot++) {
            if (busyWith[slot] != IDLE && !workers[slot].hasEnded()) {
                workers[slot].cancel(busyWith[slot]);
            }
        }
        Deadline grace = Deadline.after(timeouts.cancelGrace());
        while (anyBusyAndAlive()) {
            WorkerEvent event = inbox.nextUninterruptibly(grace);
            if (event == null) {
                break;
            }
            Integer slot = slots.get(event.worker());
            if (slot != null && event instanceof WorkerEvent.Replied replied
                    && replied.reply().orderId() == busyWith[slot]) {
                busyWith[slot] = IDLE;
            }
        }
        for (int slot = 0; slot < workers.length; slot++) {
            if (busyWith[slot] != IDLE || workers[slot].hasEnded()) {
                replace(slot);
            }
        }
    }

    private boolean anyBusyAndAlive() {
        for (int slot = 0; slot < workers.length; slot++) {
            if (busyWith[slot] != IDLE && !workers[slot].hasEnded()) {
                return true;
            }
        }
        return false;
    }

    private void replace(int slot) {
        WorkerProcess old = workers[slot];
        old.kill();
        slots.remove(old);
        retired.remove(old);
        busyWith[slot] = IDLE;
        try {
            launch(slot);
        } catch (WorkerFailedException cannotStart) {
            cannotReplace = cannotStart;
            slots.put(old, slot);
        }
    }

    private void launch(int slot) {
        String label = modelId + "-" + role + "-" + (slot + 1);
        RegionReader region = null;
        if (regions != null) {
            try {
                region = RegionReader.create(regions, label);
            } catch (IOException cannotMake) {
                throw new WorkerFailedException("could not make a payload region for worker " + label + " in " + regions
                        + ": " + cannotMake, -1, OptionalInt.empty(), "");
            }
        }
        WorkerProcess worker = WorkerProcess.start(command.command(), label, inbox, output, guard, region);
        synchronized (this) {
            workers[slot] = worker;
        }
        slots.put(worker, slot);
    }

    /**
     * Tells every worker to shut down, then waits for each, killing those that have not
     * exited within the cancel grace; returns when every worker and its threads are gone.
     */
    @Override
    public void close() {
        for (WorkerProcess worker : workers) {
            if (worker != null) {
                worker.requestShutdown();
            }
        }
        for (WorkerProcess worker : workers) {
            if (worker != null) {
                worker.awaitExit(timeouts.cancelGrace());
            }
        }
        guard.close();
    }
}
