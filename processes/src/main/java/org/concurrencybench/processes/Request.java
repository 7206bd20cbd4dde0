package org.concurrencybench.processes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.concurrencybench.core.Batch;
import org.concurrencybench.core.Relay;
import org.concurrencybench.core.Tree;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.WorkloadCodec;

/**
 * What the parent asks a worker to do: the workload as data (core's {@link WorkloadCodec})
 * and the part of it this worker takes. Each request knows how the worker runs it, so the
 * worker main is a loop and nothing else. The records check their fields, so a malformed
 * frame is refused instead of running something else.
 */
sealed interface Request {

    Workload workload();

    FrameType frameType();

    /** Runs the request in the worker and returns its part of the answer. */
    long run() throws InterruptedException;

    /** The fields after the workload. */
    void writeFields(DataOutputStream out) throws IOException;

    /** A request with the id its reply will carry. */
    record Numbered(long id, Request request) {
    }

    static byte[] payload(long id, Request request) throws IOException {
        return Frames.payload(out -> {
            out.writeLong(id);
            WorkloadCodec.write(out, request.workload());
            request.writeFields(out);
        });
    }

    /** The request in {@code frame}; a frame of another type is not a request. */
    static Numbered decode(Frames.Frame frame) throws ProtocolException {
        DataInputStream in = frame.body();
        try {
            long id = in.readLong();
            Workload workload = WorkloadCodec.read(in);
            Request request = switch (frame.type()) {
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
                default -> throw new ProtocolException(frame.type() + " is not a request");
            };
            Frames.expectEnd(frame, in);
            return new Numbered(id, request);
        } catch (ProtocolException malformed) {
            throw malformed;
        } catch (IOException malformed) {
            throw Frames.malformed(frame, malformed);
        } catch (IllegalArgumentException refused) {
            throw new ProtocolException(frame.type() + " frame is malformed: " + refused.getMessage(), refused);
        }
    }

    private static <T extends Workload> T as(Class<T> kind, Workload workload, Frames.Frame frame)
            throws ProtocolException {
        if (!kind.isInstance(workload)) {
            throw new ProtocolException(frame.type() + " frame carries " + workload.describe() + ", not a "
                    + kind.getSimpleName().toLowerCase());
        }
        return kind.cast(workload);
    }

    /** Units {@code [from, to)} of a batch, run one after another. */
    record RunUnits(Batch batch, int from, int to) implements Request {

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
        public long run() throws InterruptedException {
            return batch.runRange(from, to);
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeInt(from);
            out.writeInt(to);
        }
    }

    /** The subtree holding leaves {@code [first, first + leaves)}, walked sequentially. */
    record SumSubtree(Tree tree, long first, long leaves) implements Request {

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
        public long run() {
            return tree.sequentialSum(new Tree.Node(first, leaves));
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeLong(first);
            out.writeLong(leaves);
        }
    }

    /** An inner node's own work: adding up the sums its children returned. */
    record JoinChildren(Tree tree, long[] childSums) implements Request {

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
        public long run() {
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
    record PassToken(Relay relay, int holder, long value) implements Request {

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
        public long run() {
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
}
