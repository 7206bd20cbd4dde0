package org.concurrencybench.processes.protocol;

import java.io.IOException;

/**
 * Where a running order sends the bytes of each unit it finishes, on the worker's side: made
 * by the worker loop for the order's {@link PayloadRoute}.
 */
@FunctionalInterface
public interface UnitOutlet {

    /** For orders whose units return no bytes: one that tries is a bug, not a unit failure to report. */
    UnitOutlet NONE = (unit, size) -> {
        throw new IllegalStateException("unit " + unit + " tried to send " + size + " bytes in an order that carries none");
    };

    /** Makes unit {@code unit}'s {@code size} bytes ({@link org.concurrencybench.core.Payload#fill}) and sends them. */
    void send(int unit, int size) throws IOException;
}
