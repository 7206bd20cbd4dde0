package org.concurrencybench.processes.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A worker's last word on an order: its result, the exception a unit threw, or the news
 * that a cancel stopped it. Every order gets exactly one, so after cancelling, the parent
 * knows when a worker is free again.
 */
public sealed interface Reply {

    /** How many stack frames of a unit's exception travel back: where it failed, not the whole trace. */
    int STACK_FRAMES_SENT = 24;

    long orderId();

    FrameType frameType();

    void writeFields(DataOutputStream out) throws IOException;

    record Result(long orderId, long value) implements Reply {

        @Override
        public FrameType frameType() {
            return FrameType.RESULT;
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            out.writeLong(value);
        }
    }

    /** What a unit threw: class name, message (null if it had none) and the first stack frames. */
    record UnitError(long orderId, String className, String message, StackTraceElement[] stack) implements Reply {

        public static UnitError of(long orderId, Throwable thrown) {
            StackTraceElement[] stack = thrown.getStackTrace();
            return new UnitError(orderId, thrown.getClass().getName(), thrown.getMessage(),
                    Arrays.copyOf(stack, Math.min(stack.length, STACK_FRAMES_SENT)));
        }

        public RemoteUnitException toException(long workerPid) {
            return new RemoteUnitException(className, message, stack, workerPid);
        }

        @Override
        public FrameType frameType() {
            return FrameType.ERROR;
        }

        @Override
        public void writeFields(DataOutputStream out) throws IOException {
            Frames.writeText(out, className);
            writeOptionalText(out, message);
            out.writeInt(stack.length);
            for (StackTraceElement frame : stack) {
                writeOptionalText(out, frame.getClassLoaderName());
                writeOptionalText(out, frame.getModuleName());
                writeOptionalText(out, frame.getModuleVersion());
                Frames.writeText(out, frame.getClassName());
                Frames.writeText(out, frame.getMethodName());
                writeOptionalText(out, frame.getFileName());
                out.writeInt(frame.getLineNumber());
            }
        }

        private static UnitError read(long orderId, DataInputStream in) throws IOException {
            String className = Frames.readText(in);
            String message = readOptionalText(in);
            int frames = in.readInt();
            if (frames < 0 || frames > STACK_FRAMES_SENT) {
                throw new ProtocolException("an ERROR frame carries between 0 and " + STACK_FRAMES_SENT
                        + " stack frames, got " + frames);
            }
            StackTraceElement[] stack = new StackTraceElement[frames];
            for (int i = 0; i < frames; i++) {
                String classLoader = readOptionalText(in);
                String module = readOptionalText(in);
                String moduleVersion = readOptionalText(in);
                String declaringClass = Frames.readText(in);
                String method = Frames.readText(in);
                String file = readOptionalText(in);
                stack[i] = new StackTraceElement(classLoader, module, moduleVersion, declaringClass, method, file,
                        in.readInt());
            }
            return new UnitError(orderId, className, message, stack);
        }

        private static void writeOptionalText(DataOutputStream out, String text) throws IOException {
            out.writeBoolean(text != null);
            if (text != null) {
                Frames.writeText(out, text);
            }
        }

        private static String readOptionalText(DataInputStream in) throws IOException {
            return in.readBoolean() ? Frames.readText(in) : null;
        }
    }

    /** The order was cancelled before it finished; it has no result. */
    record Cancelled(long orderId) implements Reply {

        @Override
        public FrameType frameType() {
            return FrameType.CANCELLED;
        }

        @Override
        public void writeFields(DataOutputStream out) {
        }
    }

    static byte[] payload(Reply reply) throws IOException {
        return Frames.payload(out -> {
            out.writeLong(reply.orderId());
            reply.writeFields(out);
        });
    }

    /** The reply in {@code frame}, which must be a RESULT, ERROR or CANCELLED frame. */
    static Reply decode(Frames.Frame frame) throws ProtocolException {
        return Frames.decode(frame, in -> {
            long orderId = in.readLong();
            return switch (frame.type()) {
                case RESULT -> new Result(orderId, in.readLong());
                case ERROR -> UnitError.read(orderId, in);
                case CANCELLED -> new Cancelled(orderId);
                default -> throw new ProtocolException(frame.type() + " is not a reply");
            };
        });
    }
}
