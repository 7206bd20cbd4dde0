package org.concurrencybench.processes.parent;

import java.util.BitSet;
import org.concurrencybench.processes.protocol.Delivery;
import org.concurrencybench.processes.protocol.ProtocolException;
import org.concurrencybench.processes.protocol.WorkOrder;

/**
 * The units' bytes of one order as they reach the parent, counted and their checksums added
 * up: a unit delivered twice, one the order does not hold, one of the wrong size, or one
 * that never came breaks the protocol with an error that names it, rather than leaving
 * only a sum that is off.
 */
final class UnitTally {

    private final long orderId;
    private final int firstUnit;
    private final int expected;
    private final int bytesPerUnit;
    private final BitSet arrived;
    private long checksums;
    private int count;

    private UnitTally(long orderId, int firstUnit, int expected, int bytesPerUnit) {
        this.orderId = orderId;
        this.firstUnit = firstUnit;
        this.expected = expected;
        this.bytesPerUnit = bytesPerUnit;
        this.arrived = new BitSet(expected);
    }

    /** The tally of order {@code orderId}: {@link WorkOrder#deliveries()} units from its first. */
    static UnitTally of(long orderId, WorkOrder order) {
        if (order instanceof WorkOrder.RunUnits run) {
            return new UnitTally(orderId, run.from(), run.deliveries(), run.batch().payload());
        }
        return new UnitTally(orderId, 0, order.deliveries(), 0);
    }

    /** Counts {@code delivery} in. */
    void add(Delivery delivery) throws ProtocolException {
        int index = delivery.unit() - firstUnit;
        if (index < 0 || index >= expected) {
            throw new ProtocolException("sent the bytes of unit " + delivery.unit() + ", which order " + orderId
                    + (expected == 0 ? " does not hold: it carries no bytes"
                    : " does not hold: it runs units " + firstUnit + " to " + (firstUnit + expected - 1)));
        }
        if (arrived.get(index)) {
            throw new ProtocolException("sent the bytes of unit " + delivery.unit() + " of order " + orderId + " twice");
        }
        if (delivery.length() != bytesPerUnit) {
            throw new ProtocolException("sent " + delivery.length() + " bytes for unit " + delivery.unit() + ", expected "
                    + bytesPerUnit);
        }
        arrived.set(index);
        checksums += delivery.checksum();
        count++;
    }

    /** The order's answer: the kernels' {@code result} plus the checksums of every unit's bytes, all of which must have come. */
    long complete(long result) throws ProtocolException {
        if (count != expected) {
            throw new ProtocolException("answered order " + orderId + " after sending the bytes of " + count + " of its "
                    + expected + " units: unit " + (firstUnit + arrived.nextClearBit(0)) + "'s never came");
        }
        return result + checksums;
    }
}
