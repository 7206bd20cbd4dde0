package org.concurrencybench.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The request for unit i, {@code GET /unit/<i> HTTP/1.1} with the target's Host header, written into a reused buffer. */
final class RequestText {

    private static final byte[] PREFIX = "GET /unit/".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DIGITS = 10;

    private final byte[] suffix;

    RequestText(LoopbackTarget target) {
        suffix = (" HTTP/1.1\r\nHost: " + target.hostHeader() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A buffer large enough for any unit's request. */
    ByteBuffer newBuffer() {
        return ByteBuffer.allocateDirect(PREFIX.length + MAX_DIGITS + suffix.length);
    }

    /** Writes unit {@code unit}'s request into {@code buffer}, ready to send. */
    void encode(int unit, ByteBuffer buffer) {
        buffer.clear().put(PREFIX);
        int digits = 1;
        for (int rest = unit / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int end = buffer.position() + digits;
        int rest = unit;
        for (int at = end - 1; at >= buffer.position(); at--) {
            buffer.put(at, (byte) ('0' + rest % 10));
            rest /= 10;
        }
        buffer.position(end).put(suffix).flip();
    }

    /** The request as text, for messages and tests. */
    String text(int unit) {
        ByteBuffer buffer = newBuffer();
        encode(unit, buffer);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
