package org.concurrencybench.executors;

import org.concurrencybench.core.Relay;

/** The relay's token as it travels: its value and the worker that receives it. */
record Token(int holder, long value) {

    /** Worker 0 holds the value 0 before the first hop. */
    static Token first() {
        return new Token(0, 0);
    }

    /** Whether the holder of this token ends the relay. */
    boolean isLast(Relay relay) {
        return value == relay.hops();
    }

    /** The token one hop on: the holder adds one and hands it to the next worker. */
    Token passedOn(Relay relay) {
        return new Token(relay.next(holder), value + 1);
    }

    /** The relay's answer, the hop count seen, once the token has reached the right worker. */
    long answer(Relay relay) {
        int expected = relay.holderOf(value);
        if (holder != expected) {
            throw new IllegalStateException("the token reached " + value + " at worker " + holder + " of "
                    + relay.workers() + ", but the ring hands that value to worker " + expected);
        }
        return value;
    }
}
