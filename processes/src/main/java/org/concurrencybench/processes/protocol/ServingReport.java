package org.concurrencybench.processes.protocol;

import java.io.IOException;

/**
 * A worker's answer about one of its servers: SERVING (it accepts on the port), SERVE_FAILED
 * (it could not, and {@code failure} says why) or SERVING_STOPPED (its listener and
 * connections are closed).
 */
public record ServingReport(FrameType type, long serverId, String failure) {

    public ServingReport {
        if (type != FrameType.SERVING && type != FrameType.SERVE_FAILED && type != FrameType.SERVING_STOPPED) {
            throw new IllegalArgumentException(type + " is not a report about serving");
        }
        if ((type == FrameType.SERVE_FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a SERVE_FAILED report, and only it, says why: " + type + ", " + failure);
        }
    }

    public static ServingReport serving(long serverId) {
        return new ServingReport(FrameType.SERVING, serverId, null);
    }

    public static ServingReport failed(long serverId, String failure) {
        return new ServingReport(FrameType.SERVE_FAILED, serverId, failure);
    }

    public static ServingReport stopped(long serverId) {
        return new ServingReport(FrameType.SERVING_STOPPED, serverId, null);
    }

    public byte[] payload() throws IOException {
        return Frames.payload(out -> {
            out.writeLong(serverId);
            if (failure != null) {
                Frames.writeText(out, failure);
            }
        });
    }

    /** The report in {@code frame}, which must be a SERVING, SERVE_FAILED or SERVING_STOPPED frame. */
    public static ServingReport decode(Frames.Frame frame) throws ProtocolException {
        return Frames.decode(frame, in -> {
            long serverId = in.readLong();
            return switch (frame.type()) {
                case SERVING -> serving(serverId);
                case SERVE_FAILED -> failed(serverId, Frames.readText(in));
                case SERVING_STOPPED -> stopped(serverId);
                default -> throw new ProtocolException(frame.type() + " is not a report about serving");
            };
        });
    }
}
