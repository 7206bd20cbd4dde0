package org.concurrencybench.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.concurrencybench.core.Relay;
import org.junit.jupiter.api.Test;

class TokenTest {

    private final Relay ring = new Relay("handoff", 3, 4);

    @Test
    void eachHopAddsOneAndMovesRoundTheRing() {
        Token token = Token.first();
        for (int hop = 0; hop < 4; hop++) {
            token = token.passedOn(ring);
        }

        assertEquals(new Token(1, 4), token);
        assertEquals(4, token.answer(ring));
    }

    @Test
    void aTokenAtTheWrongWorkerIsAnErrorNamingBoth() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Token(2, 4).answer(ring));

        assertEquals("the token reached 4 at worker 2 of 3, but the ring hands that value to worker 1", error.getMessage());
    }
}
