package org.concurrencybench.core;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Workloads as data, for worker processes: a tag byte for the kind (and for a batch, its
 * kernel), then the parameters. Decoding goes through the records' constructors, so a
 * malformed message fails their checks instead of running something else.
 */
public final class WorkloadCodec {

    private static final byte BATCH = 1;
    private static final byte TREE = 2;
    private static final byte RELAY = 3;
    private static final byte CONTENTION = 4;

    private static final byte PRIMES = 1;
    private static final byte SLEEP = 2;
    private static final byte IDENTITY = 3;
    private static final byte PROBE = 4;
    private static final byte WHO_RUNS = 5;
    private static final byte TICKER = 6;
    private static final byte MIXED = 7;
    private static final byte PARK = 8;
    private static final byte REQUEST = 9;

    private WorkloadCodec() {
    }

    public static void write(DataOutput out, Workload workload) throws IOException {
        switch (workload) {
            case Batch batch -> {
                out.writeByte(BATCH);
                out.writeUTF(batch.name());
                out.writeInt(batch.units());
                out.writeInt(batch.payload());
                writeKernel(out, batch.kernel());
            }
            case Tree tree -> {
                out.writeByte(TREE);
                out.writeUTF(tree.name());
                out.writeInt(tree.width());
                out.writeInt(tree.depth());
            }
            case Relay relay -> {
                out.writeByte(RELAY);
                out.writeUTF(relay.name());
                out.writeInt(relay.workers());
                out.writeInt(relay.hops());
            }
            case Contention contention -> {
                out.writeByte(CONTENTION);
                out.writeUTF(contention.name());
                out.writeInt(contention.workers());
                out.writeInt(contention.updates());
                out.writeByte(contention.lock().ordinal());
                out.writeLong(contention.holdMs());
                out.writeInt(contention.locks());
            }
        }
    }

    public static Workload read(DataInput in) throws IOException {
        byte tag = in.readByte();
        try {
            return switch (tag) {
                case BATCH -> {
                    String name = in.readUTF();
                    int units = in.readInt();
                    int payload = in.readInt();
                    yield new Batch(name, readKernel(in), units, payload);
                }
                case TREE -> new Tree(in.readUTF(), in.readInt(), in.readInt());
                case RELAY -> new Relay(in.readUTF(), in.readInt(), in.readInt());
                case CONTENTION -> new Contention(in.readUTF(), in.readInt(), in.readInt(), lockKind(in.readByte()),
                        in.readLong(), in.readInt());
                default -> throw new IOException("unknown workload tag " + tag
                        + "; known: 1 (batch), 2 (tree), 3 (relay), 4 (contention)");
            };
        } catch (IllegalArgumentException malformed) {
            throw new IOException("malformed workload: " + malformed.getMessage(), malformed);
        }
    }

    private static void writeKernel(DataOutput out, Kernel kernel) throws IOException {
        switch (kernel) {
            case Primes primes -> {
                out.writeByte(PRIMES);
                out.writeLong(primes.limit());
            }
            case Sleep sleep -> {
                out.writeByte(SLEEP);
                out.writeLong(sleep.delayMs());
            }
            case Identity identity -> out.writeByte(IDENTITY);
            case Probe probe -> {
                out.writeByte(PROBE);
                out.writeInt(probe.failAt());
                out.writeLong(probe.holdMs());
            }
            case WhoRuns whoRuns -> out.writeByte(WHO_RUNS);
            case Ticker ticker -> {
                out.writeByte(TICKER);
                out.writeLong(ticker.delayMs());
                out.writeInt(ticker.ticks());
            }
            case Mixed mixed -> {
                out.writeByte(MIXED);
                out.writeLong(mixed.work());
                out.writeLong(mixed.delayMs());
            }
            case Park park -> {
                out.writeByte(PARK);
                out.writeLong(park.holdMs());
            }
            case Request request -> {
                out.writeByte(REQUEST);
                out.writeInt(request.port());
                out.writeLong(request.delayMs());
            }
        }
    }

    private static Kernel readKernel(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case PRIMES -> new Primes(in.readLong());
            case SLEEP -> new Sleep(in.readLong());
            case IDENTITY -> new Identity();
            case PROBE -> new Probe(in.readInt(), in.readLong());
            case WHO_RUNS -> new WhoRuns();
            case TICKER -> new Ticker(in.readLong(), in.readInt());
            case MIXED -> new Mixed(in.readLong(), in.readLong());
            case PARK -> new Park(in.readLong());
            case REQUEST -> new Request(in.readInt(), in.readLong());
            default -> throw new IOException("unknown kernel tag " + tag + "; known: 1 (primes), 2 (sleep), "
                    + "3 (identity), 4 (probe), 5 (who-runs), 6 (ticker), 7 (mixed), 8 (park), 9 (request)");
        };
    }

    private static LockKind lockKind(byte ordinal) {
        LockKind[] kinds = LockKind.values();
        if (ordinal < 0 || ordinal >= kinds.length) {
            throw new IllegalArgumentException("unknown lock " + ordinal + "; known: 0 to " + (kinds.length - 1)
                    + " (" + LockKind.ids() + ")");
        }
        return kinds[ordinal];
    }
}
