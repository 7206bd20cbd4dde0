package org.concurrencybench.benchmarks.bare;

import org.concurrencybench.core.Relay;

/** The relay's token as it travels, as the pool models carry it: its value and the worker that receives it. */
record Token(int holder, long value) {

    /** Worker 0 holds the value 0 before the first hop. */
    static Token first() {
        return new Token(0, 0);
    }

    boolean isLast(Relay relay) {
        return value == relay.hops();
    }

    /** The token one hop on: the holder adds one and hands it to the next worker. */
    Token passedOn(Relay relay) {
        return new Token(relay.next(holder), value + 1);
    }

    /** The hop count seen, if the token reached the worker the ring hands it to; -1 if another. */
    long answer(Relay relay) {
        return holder == relay.holderOf(value) ? value : -1;
    }
}
