package org.concurrencybench.core.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.concurrencybench.core.Mixed;
import org.junit.jupiter.api.Test;

class ServeTest {

    @Test
    void everyBodyByTrialDivisionMatchesTheSieveMadeExpectedBody() {
        for (Serve serve : new Serve[] {new Serve(97, 0, 64), new Serve(1, 0, 100), new Serve(1_000, 0, 3)}) {
            IntFunction<byte[]> expected = serve.expectedBodies();
            for (int i = 0; i < serve.units(); i++) {
                assertArrayEquals(expected.apply(i), serve.body(i), serve + " unit " + i);
            }
        }
    }

    @Test
    void aRequestComputesTheMixedWorkloadsUnit() {
        Serve serve = new Serve(100, 10, 1_000);
        Mixed mixed = new Mixed(100, 10);
        for (int i : new int[] {0, 1, 500, 999}) {
            assertEquals(mixed.compute(i), serve.compute(i), "unit " + i);
        }
        assertEquals(mixed, serve.kernel());
    }

    @Test
    void theBodyIsTheIndexAndTheCountInAscii() {
        assertEquals("0 4\n", new String(new Serve(10, 0, 10).body(0), StandardCharsets.US_ASCII),
                "2, 3, 5 and 7 are unit 0's");
        assertEquals("7 2\n", new String(Serve.body(7, 2), StandardCharsets.US_ASCII));
    }

    @Test
    void theCountsOfAllUnitsAddUpToPiOfUnitsTimesWork() {
        Serve serve = new Serve(100, 0, 1_000);
        IntFunction<byte[]> expected = serve.expectedBodies();
        long sum = 0;
        for (int i = 0; i < serve.units(); i++) {
            String body = new String(expected.apply(i), StandardCharsets.US_ASCII);
            sum += Long.parseLong(body.substring(body.indexOf(' ') + 1, body.length() - 1));
        }
        assertEquals(9_592, sum, "pi(100,000)");
    }

    @Test
    void parametersOutOfRangeAreRefusedNamingTheValueAndWhatIsAllowed() {
        assertMessage("serve.work must be 1 to 1,000,000,000, got 0", () -> new Serve(0, 10, 1));
        assertMessage("serve.delayMs must be 0 to 60,000, got -1", () -> new Serve(100, -1, 1));
        assertMessage("serve.units must be 1 to 100,000,000, got 0", () -> new Serve(100, 10, 0));
        assertMessage("serve: units × work must be 1 to 1,000,000,000, got 10,000,000,000",
                () -> new Serve(100, 10, 100_000_000));
        assertMessage("serve.poolThreads must be 1 to 10,000, got 0", () -> new Serve(100, 10, 1, 0));
        assertMessage("serve.poolThreads must be 1 to 10,000, got 10,001", () -> new Serve(100, 10, 1, 10_001));
    }

    @Test
    void aServiceWithoutAPoolSizeHasTomcatsTwoHundredHandlerThreads() {
        assertEquals(200, new Serve(100, 10, 1).poolThreads());
        assertEquals(new Serve(100, 10, 1, 200), new Serve(100, 10, 1));
        assertEquals(10_000, new Serve(100, 10, 1, 10_000).poolThreads());
    }

    @Test
    void aUnitOutsideTheServiceIsRefused() {
        Serve serve = new Serve(100, 0, 10);
        assertMessage("serve.unit must be 0 to 9, got 10", () -> serve.compute(10));
        assertMessage("serve.unit must be 0 to 9, got -1", () -> serve.expectedBodies().apply(-1));
    }

    private static void assertMessage(String message, Runnable action) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, action::run).getMessage());
    }
}
