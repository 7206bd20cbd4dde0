package org.concurrencybench.processes.protocol;

/**
 * The kinds of frame on a worker's pipes. Every code is a control character, so text written
 * to the wrong stream (a stray println, a JVM warning) is caught by its first byte instead
 * of being read as a length.
 */
public enum FrameType {

    // parent to worker
    RUN_UNITS(0x01),
    SUM_SUBTREE(0x02),
    JOIN_CHILDREN(0x03),
    PASS_TOKEN(0x04),
    CANCEL(0x05),
    SHUTDOWN(0x06),
    CONTEND(0x07),
    SERVE(0x08),
    STOP_SERVING(0x09),

    // worker to parent
    HELLO(0x10),
    RESULT(0x11),
    ERROR(0x12),
    CANCELLED(0x13),
    OUTPUT(0x14),
    UNIT_BYTES(0x15),
    UNIT_REGION(0x16),
    SERVING(0x17),
    SERVE_FAILED(0x18),
    SERVING_STOPPED(0x19);

    private static final FrameType[] BY_CODE = new FrameType[0x20];

    static {
        for (FrameType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The type with this code, or null when the byte is not a frame type. */
    static FrameType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
