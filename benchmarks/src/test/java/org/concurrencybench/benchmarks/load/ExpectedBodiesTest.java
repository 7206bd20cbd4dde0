package org.concurrencybench.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.IntFunction;
import org.concurrencybench.core.serve.Serve;
import org.junit.jupiter.api.Test;

/** The bodies a generator JVM checks a server's answers against, by the name its command line gives. */
class ExpectedBodiesTest {

    @Test
    void theServiceBodiesNamedByTheirSizesAreTheServersOwn() {
        Serve serve = new Serve(100, 10, 1_000);

        IntFunction<byte[]> named = ExpectedBodies.named(ExpectedBodies.nameOf(serve));

        assertEquals("serve:100:1000", ExpectedBodies.nameOf(serve));
        for (int unit : new int[] {0, 7, 999}) {
            assertArrayEquals(serve.body(unit), named.apply(unit), "unit " + unit);
        }
    }

    @Test
    void serviceBodiesWithoutTwoWholeSizesAreNamedWithTheForm() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ExpectedBodies.named("serve:100"));

        assertEquals("expected bodies serve:<work>:<units> take two whole numbers, got 'serve:100'", thrown.getMessage());
    }
}
