package org.concurrencybench.processes.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Contention;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadCodec;
import org.concurrencybench.processes.shm.FileCounter;

/**
 * What the parent asks a worker to do: the workload as data (core's {@link WorkloadCodec})
 * and the part of it this worker takes. Each order knows how the worker runs it, so the
 * worker main is a loop and nothing else. The records check their fields, so a malformed
 * frame is refused instead of running something else.
 */
public sealed interface WorkOrder {

    Workload workload();

    FrameType frameType();

    /**
     * Runs the order in the worker and returns its part of the answer; units that return
     * bytes hand them to {@code outlet}, whose route the parent chose.
     */
    long run(UnitOutlet outlet) throws InterruptedException, IOException;

    /** The fields after the workload. */
    void writeFields(DataOutputStream out) throws IOException;

    /** Bytes its units return in all, so a worker can make room for them before the first unit. */
    default long payloadBytes() {
        return 0;
    }

    /** How many units' bytes the worker sends before its result: the parent counts them in. */
    default int deliveries() {
        return 0;
    }

    /** An order with the id its reply will carry and the route of its units' bytes. */
    record Numbered(long id, PayloadRoute route, WorkOrder order) {
    }

    static byte[] payload(long id, PayloadRoute route, WorkOrder order) throws IOException {
        return Frames.payload(out -> {
            out.writeLong(id);
            PayloadRoute.write(out, route);
            WorkloadCodec.write(out, order.workload());
            order.writeFields(out);
        });
    }

    /** The order in {@code frame}; a frame of another type is not an order. */
    static Numbered decode(Frames.Frame frame) throws ProtocolException {
        try {
            return Frames.decode(frame, in -> decodeFields(frame, in));
        } catch (IllegalArgumentException refused) {
            throw new ProtocolException(frame.type() + " frame is malformed: " + refused.getMessage(), refused);
        }
    }

    private static Numbered decodeFields(Frames.Frame frame, DataInputStream in) throws IOException {
        long id = in.readLong();
        PayloadRoute route = PayloadRoute.read(in);
        Workload workload = WorkloadCodec.read(in);
        WorkOrder order = switch (frame.type()) {
            case RUN_UNITS -> new RunUnits(as(Batch.class, workload, frame), in.readInt(), in.readInt());
            case SUM_SUBTREE -> new SumSubtree(as(Tree.class, workload, frame), in.readLong(), in.readLong());
            case JOIN_CHILDREN -> {
                int count = in.readInt();
                if (count < 0 || count > in.available() / Long.BYTES) {
                    throw new ProtocolException(frame.type() + " frame claims " + count + " child sums but carries "
                            + in.available() + " bytes");
                }
                long[] sums = new long[count];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = in.readLong();
                }
                yield new JoinChildren(as(Tree.class, workload, frame), sums);
            }
            case PASS_TOKEN -> new PassToken(as(Relay.class, workload, frame), in.readInt(), in.readLong());
            case CONTEND -> new ContendWorkers(as(Contention.class, workload, frame), path(Frames.readText(in), frame),
                    in.readInt(), in.readInt());
            default -> throw new ProtocolException(frame.type() + " is not an order");
        };
        return new Numbered(id, route, order);
    }

    private static <T extends Workload> T as(Class<T> kind, Workload workload, Frames.Frame frame)
            throws ProtocolException {
        if (!kind.isInstance(workload)) {
            throw new ProtocolException(frame.type() + " frame carries " + workload.describe() + ", not a "
                    + kind.getSimpleName().toLowerCase());
        }
        return kind.cast(workload);
    }

    private static Path path(String text, Frames.Frame frame) throws ProtocolException {
        try {
            return Path.of(text);
        } catch (InvalidPathException notAPath) {
            throw new ProtocolException(frame.type() + " frame names '" + text + "', which is not a path");
        }
    }

    /**
     * Units {@code [from, to)} of a batch, run one after another. Each unit's kernel result is
     * added to the order's result; its payload bytes, if any, go to the outlet as soon as the
     * unit is done, so the parent checks one unit's bytes while the worker runs the next.
     */
    record RunUnits(Batch batch, int from, int to) implements WorkOrder {

        public RunUnits {
            if (from < 0 || from > to || to > batch.units()) {
                throw new IllegalArgumentException("units [" + from + ", " + to + ") must lie within [0, "
                        + batch.units() + ")");
            }
        }

        @Override
        public Workload workload() {
            return batch;
        }

        @Override
        public FrameType frameType() {
            return FrameType.RUN_UNITS;
        }

        @Override
        public long run(UnitOutlet outlet) throws InterruptedException, IOException {
            long sum = 0;
            for (int unit = from; unit < to; unit++) {
                sum += batch.runKernel(unit);
                if (batch.payload() > 0) {
                    outlet.send(unit, batch.payload());
                }
            }
            return sum;
        }

        @Override
        public long payloadBytes() {
            return (long) (to - from) * batch.payload();
        }

        @Override
        public int deliveries() {
            return batch.payload() > 0 ? to - from : 0;
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeInt(from);
            out.writeInt(to);
        }
    }

    /** The subtree holding leaves {@code [first, first + leaves)}, walked sequentially. */
    record SumSubtree(Tree tree, long first, long leaves) implements WorkOrder {

        public SumSubtree {
            long size = 1;
            while (size < leaves && size <= Tree.MAX_LEAVES) {
                size *= tree.width();
            }
            if (leaves < 1 || size != leaves || first < 0 || first % leaves != 0 || first + leaves > tree.leaves()) {
                throw new IllegalArgumentException("leaves [" + first + ", " + (first + leaves) + ") are not a subtree of "
                        + tree.describe());
            }
        }

        @Override
        public Workload workload() {
            return tree;
        }

        @Override
        public FrameType frameType() {
            return FrameType.SUM_SUBTREE;
        }

        @Override
        public long run(UnitOutlet outlet) {
            return tree.sequentialSum(new Tree.Node(first, leaves));
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeLong(first);
            out.writeLong(leaves);
        }
    }

    /** An inner node's own work: adding up the sums its children returned. */
    record JoinChildren(Tree tree, long[] childSums) implements WorkOrder {

        public JoinChildren {
            if (childSums.length != tree.width()) {
                throw new IllegalArgumentException("an inner node of " + tree.describe() + " joins " + tree.width()
                        + " children, got " + childSums.length);
            }
            childSums = childSums.clone();
        }

        @Override
        public Workload workload() {
            return tree;
        }

        @Override
        public FrameType frameType() {
            return FrameType.JOIN_CHILDREN;
        }

        @Override
        public long run(UnitOutlet outlet) {
            long sum = 0;
            for (long childSum : childSums) {
                sum += childSum;
            }
            return sum;
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeInt(childSums.length);
            for (long childSum : childSums) {
                out.writeLong(childSum);
            }
        }
    }

    /** One hop of a relay: worker {@code holder} receives the token {@code value} and adds one. */
    record PassToken(Relay relay, int holder, long value) implements WorkOrder {

        public PassToken {
            if (holder < 0 || holder >= relay.workers() || value < 0 || value >= relay.hops()) {
                throw new IllegalArgumentException("hop of token " + value + " to worker " + holder
                        + " is outside " + relay.describe());
            }
        }

        @Override
        public Workload workload() {
            return relay;
        }

        @Override
        public FrameType frameType() {
            return FrameType.PASS_TOKEN;
        }

        @Override
        public long run(UnitOutlet outlet) {
            if (relay.holderOf(value) != holder) {
                throw new IllegalStateException("token " + value + " was handed to worker " + holder + ", but after "
                        + value + " hops worker " + relay.holderOf(value) + " should hold it");
            }
            return value + 1;
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeInt(holder);
            out.writeLong(value);
        }
    }

    /**
     * Workers {@code [from, to)} of a contention, one after another, each making its updates
     * to the {@link FileCounter} in {@code counter}. Its result is the number of increments it
     * made; the run's answer is not the sum of those but what the file holds once every
     * order has ended, so an update lost in the file shows.
     */
    record ContendWorkers(Contention contention, Path counter, int from, int to) implements WorkOrder {

        public ContendWorkers {
            if (from < 0 || from >= to || to > contention.workers()) {
                throw new IllegalArgumentException("workers [" + from + ", " + to + ") must be a non-empty part of [0, "
                        + contention.workers() + ")");
            }
        }

        @Override
        public Workload workload() {
            return contention;
        }

        @Override
        public FrameType frameType() {
            return FrameType.CONTEND;
        }

        @Override
        public long run(UnitOutlet outlet) throws InterruptedException, IOException {
            try (FileCounter shared = FileCounter.open(counter, contention)) {
                for (int worker = from; worker < to; worker++) {
                    shared.work(worker);
                }
            }
            return (long) (to - from) * contention.updates();
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            Frames.writeText(out, counter.toString());
            out.writeInt(from);
            out.writeInt(to);
        }
    }
}
