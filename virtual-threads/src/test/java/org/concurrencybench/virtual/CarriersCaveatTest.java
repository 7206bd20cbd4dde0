package org.concurrencybench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.concurrencybench.core.ModelProvider;
import org.junit.jupiter.api.Test;

class CarriersCaveatTest {

    private final ModelProvider provider = new VirtualModel.Provider();
    private final int carriers = Carriers.ofThisJvm();

    @Test
    void aPOtherThanThisJvmsCarriersIsCalledALabel() {
        Optional<String> caveat = provider.caveatInThisJvm(carriers + 1);

        assertTrue(caveat.orElseThrow().startsWith("virtual runs on this JVM's one virtual-thread scheduler, " + carriers
                + " carriers"), caveat.orElseThrow());
    }

    @Test
    void aPThatIsThisJvmsCarriersNeedsNoCaveat() {
        assertEquals(Optional.empty(), provider.caveatInThisJvm(carriers));
    }
}
