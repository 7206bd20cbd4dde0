package org.concurrencybench.processes.protocol;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a worker puts the bytes its units return: into its reply pipe, inside the frame, or
 * into its region of a memory-mapped file, with only their offset and length in the frame.
 * It travels with every order, so the parent decides per worker and the worker keeps no
 * set-up of its own.
 */
public sealed interface PayloadRoute {

    PayloadRoute PIPE = new Pipe();

    /** The bytes travel in UNIT_BYTES frames on the reply pipe. */
    record Pipe() implements PayloadRoute {
    }

    /** The bytes are written into {@code file}, mapped by the worker and the parent; UNIT_REGION frames say where. */
    record Region(Path file) implements PayloadRoute {
    }

    static void write(DataOutput out, PayloadRoute route) throws IOException {
        switch (route) {
            case Pipe pipe -> out.writeByte(0);
            case Region region -> {
                out.writeByte(1);
                Frames.writeText(out, region.file().toString());
            }
        }
    }

    static PayloadRoute read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case 0 -> PIPE;
            case 1 -> {
                String file = Frames.readText(in);
                try {
                    yield new Region(Path.of(file));
                } catch (InvalidPathException notAPath) {
                    throw new ProtocolException("payload route names '" + file + "', which is not a path");
                }
            }
            default -> throw new ProtocolException("unknown payload route " + tag + "; known: 0 (pipe), 1 (region)");
        };
    }
}
