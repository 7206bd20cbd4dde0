package org.concurrencybench.processes.protocol;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.concurrencybench.core.Payload;
import org.concurrencybench.processes.shm.RegionReader;
import org.concurrencybench.processes.shm.RegionWriter;

/**
 * A unit's bytes as they reach the parent: the order and unit they belong to, how many there
 * are, and the checksum ({@link Payload#checksum}) of the bytes that arrived, computed where
 * they arrived. The parent adds the checksum to the unit's result, so bytes lost or garbled
 * on the way give a wrong answer.
 *
 * <p>Two frames carry them, both written by the worker as soon as a unit is done:
 * <ul>
 *   <li>UNIT_BYTES: order id, unit, then the bytes themselves, made by {@link Payload#fill}
 *       straight into the frame;</li>
 *   <li>UNIT_REGION: order id, unit, offset and length of the bytes in the worker's region
 *       of a mapped file ({@link RegionWriter}), which the parent reads in place
 *       ({@link RegionReader}).</li>
 * </ul>
 */
public record Delivery(long orderId, int unit, int length, long checksum) {

    /** Order id and unit, before the bytes of a UNIT_BYTES frame. */
    static final int BYTES_HEADER = Long.BYTES + Integer.BYTES;

    private static final int REGION_FRAME = Long.BYTES + Integer.BYTES + Long.BYTES + Integer.BYTES;

    /** The payload of a UNIT_BYTES frame: unit {@code unit}'s {@code size} bytes, made in place. */
    public static byte[] bytesFrame(long orderId, int unit, int size) {
        ByteBuffer frame = ByteBuffer.allocate(BYTES_HEADER + size).putLong(orderId).putInt(unit);
        Payload.fill(unit, frame);
        return frame.array();
    }

    /** The payload of a UNIT_REGION frame: where in the region the worker put unit {@code unit}'s bytes. */
    public static byte[] regionFrame(long orderId, int unit, long offset, int length) {
        return ByteBuffer.allocate(REGION_FRAME).putLong(orderId).putInt(unit).putLong(offset).putInt(length).array();
    }

    /**
     * The delivery in {@code frame}, its checksum taken from the frame's own bytes or, for a
     * UNIT_REGION frame, from {@code region}, the sending worker's region (null if it has none).
     */
    public static Delivery decode(Frames.Frame frame, RegionReader region) throws ProtocolException {
        ByteBuffer body = ByteBuffer.wrap(frame.payload());
        try {
            long orderId = body.getLong();
            int unit = body.getInt();
            return switch (frame.type()) {
                case UNIT_BYTES -> new Delivery(orderId, unit, body.remaining(), Payload.checksum(body));
                case UNIT_REGION -> {
                    long offset = body.getLong();
                    int length = body.getInt();
                    if (body.hasRemaining()) {
                        throw new ProtocolException("UNIT_REGION frame has " + body.remaining() + " bytes past its last field");
                    }
                    if (region == null) {
                        throw new ProtocolException("UNIT_REGION frame points into a region, but this worker was given none");
                    }
                    yield new Delivery(orderId, unit, length, checksumInRegion(region, offset, length));
                }
                default -> throw new ProtocolException(frame.type() + " frames carry no unit's bytes");
            };
        } catch (BufferUnderflowException shorter) {
            throw new ProtocolException(frame.type() + " frame is shorter than its fields", shorter);
        }
    }

    /** Bytes the region cannot show, outside it or unmappable, are a frame that lies about them. */
    private static long checksumInRegion(RegionReader region, long offset, int length) throws ProtocolException {
        try {
            return region.checksum(offset, length);
        } catch (IOException unreadable) {
            throw new ProtocolException(unreadable.getMessage(), unreadable);
        }
    }
}
