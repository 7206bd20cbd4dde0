package org.concurrencybench.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The bytes a unit of a batch returns besides its number: {@code size} bytes that depend only
 * on the unit's index, so the receiver can tell lost or garbled data by their checksum. The
 * checksum (CRC-32C) of what arrived is added to the unit's result, and
 * {@link #expected(int, int)} knows the sum without any model.
 *
 * <p>The bytes are cheap to make (one multiply per eight bytes) so that moving them, not making
 * them, is what a batch with a large payload measures.
 */
public final class Payload {

    /** The most bytes one unit may return: 64 MiB. */
    public static final int MAX_BYTES = 64 << 20;

    private static final Map<Long, Long> EXPECTED = new ConcurrentHashMap<>();

    private Payload() {
    }

    /** Unit {@code unit}'s {@code size} bytes, in a new array. */
    public static byte[] bytes(int unit, int size) {
        byte[] bytes = new byte[size];
        fill(unit, ByteBuffer.wrap(bytes));
        return bytes;
    }

    /**
     * Writes unit {@code unit}'s bytes into {@code target} from its position to its limit (the
     * payload's size is the space given), leaving the position at the limit. The target may be
     * a heap buffer, a direct one or a mapped file.
     */
    public static void fill(int unit, ByteBuffer target) {
        ByteBuffer out = target.slice().order(ByteOrder.LITTLE_ENDIAN);
        long word = seed(unit);
        while (out.remaining() >= Long.BYTES) {
            out.putLong(word);
            word = next(word);
        }
        while (out.hasRemaining()) {
            out.put((byte) word);
            word >>>= 8;
        }
        target.position(target.limit());
    }

    /** The CRC-32C of {@code bytes} from its position to its limit; the position moves to the limit. */
    public static long checksum(ByteBuffer bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    public static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    /** The sum of the checksums of units {@code 0..units-1} at {@code size} bytes; 0 when size is 0. */
    public static long expected(int units, int size) {
        if (size == 0) {
            return 0;
        }
        return EXPECTED.computeIfAbsent(((long) units << 32) | size, key -> {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            long sum = 0;
            for (int unit = 0; unit < units; unit++) {
                buffer.clear();
                fill(unit, buffer);
                buffer.flip();
                sum += checksum(buffer);
            }
            return sum;
        });
    }

    private static long seed(int unit) {
        return (unit + 1L) * 0x9E3779B97F4A7C15L;
    }

    private static long next(long word) {
        return word * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    }
}
