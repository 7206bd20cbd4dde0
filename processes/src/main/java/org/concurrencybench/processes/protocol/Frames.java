package org.concurrencybench.processes.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.concurrencybench.core.Payload;

/**
 * The frame codec of the worker protocol: one byte of {@link FrameType}, a big-endian int
 * with the payload's length, then the payload. A length prefix lets a reader take a whole
 * frame before decoding it, so a decoding error never leaves the stream half read, and lets
 * garbage be told apart from a frame by its first five bytes.
 */
public final class Frames {

    /**
     * The largest frame: one unit's bytes ({@link Payload#MAX_BYTES}) and their header. No
     * legitimate frame is larger; a larger length means the bytes are not a frame.
     */
    static final int MAX_PAYLOAD = Payload.MAX_BYTES + Delivery.BYTES_HEADER;

    /** How much of the garbage is shown in an error: enough to recognise a stray message. */
    private static final int GARBAGE_SHOWN = 64;

    private Frames() {
    }

    /** One frame: its type and its undecoded payload. */
    public record Frame(FrameType type, byte[] payload) {

        DataInputStream body() {
            return new DataInputStream(new ByteArrayInputStream(payload));
        }
    }

    /** Writes the fields of a payload. */
    @FunctionalInterface
    interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    static byte[] payload(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(bytes);
        body.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    static void write(DataOutputStream out, FrameType type, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(type + " payload must be at most " + MAX_PAYLOAD + " bytes, got "
                    + payload.length);
        }
        out.writeByte(type.code);
        out.writeInt(payload.length);
        out.write(payload);
    }

    /**
     * The next frame, or null when the stream ends cleanly between frames.
     *
     * @throws ProtocolException if the bytes are not a frame, or the stream ends inside one
     */
    public static Frame read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        FrameType type = FrameType.of(first);
        if (type == null) {
            throw new ProtocolException("expected a frame, got " + describe(new byte[] {(byte) first}, in));
        }
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            throw new ProtocolException("the stream ended inside the header of a " + type + " frame");
        }
        int length = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | header[3] & 0xff;
        if (length < 0 || length > MAX_PAYLOAD) {
            byte[] read = new byte[5];
            read[0] = (byte) first;
            System.arraycopy(header, 0, read, 1, 4);
            throw new ProtocolException("expected a frame, got " + describe(read, in) + " (as a " + type
                    + " frame it would claim " + length + " bytes; at most " + MAX_PAYLOAD + " are allowed)");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new ProtocolException("the stream ended inside a " + type + " frame: " + payload.length + " of "
                    + length + " bytes arrived");
        }
        return new Frame(type, payload);
    }

    /** Reads the fields of a payload. */
    @FunctionalInterface
    interface Fields<T> {
        T read(DataInputStream in) throws IOException;
    }

    /**
     * The fields of {@code frame}'s payload, read to its end: a payload shorter than its
     * fields, or with bytes past them, is malformed.
     */
    static <T> T decode(Frame frame, Fields<T> fields) throws ProtocolException {
        DataInputStream in = frame.body();
        try {
            T decoded = fields.read(in);
            expectEnd(frame, in);
            return decoded;
        } catch (ProtocolException malformed) {
            throw malformed;
        } catch (IOException malformed) {
            throw malformed(frame, malformed);
        }
    }

    private static void expectEnd(Frame frame, DataInputStream body) throws IOException {
        int left = body.available();
        if (left > 0) {
            throw new ProtocolException(frame.type() + " frame has " + left + " bytes past its last field");
        }
    }

    /** Text of any length, as its UTF-8 byte count and bytes (writeUTF stops at 64 KiB). */
    static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new ProtocolException("text length must be between 0 and " + MAX_PAYLOAD + ", got " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The bytes read so far and what else is already waiting, as text and hex: a stray
     * "Error: Could not find or load main class" is recognised at a glance.
     */
    private static String describe(byte[] read, InputStream in) {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        shown.writeBytes(read);
        try {
            int waiting = Math.min(in.available(), GARBAGE_SHOWN - read.length);
            if (waiting > 0) {
                shown.writeBytes(in.readNBytes(waiting));
            }
        } catch (IOException unreadable) {
            // what was read already is enough to show
        }
        byte[] bytes = shown.toByteArray();
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return "\"" + text + "\" (" + HexFormat.ofDelimiter(" ").formatHex(bytes) + ")";
    }

    /** Unexpected end of a payload, reported as malformed rather than as a closed stream. */
    private static ProtocolException malformed(Frame frame, IOException cause) {
        String problem = cause instanceof EOFException ? "is shorter than its fields" : cause.getMessage();
        return new ProtocolException(frame.type() + " frame " + problem, cause);
    }
}
