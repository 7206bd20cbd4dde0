package org.concurrencybench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualCarriersNoteTest {

    private final int carriers = VirtualCarriersNote.carriers();

    @Test
    void aPOtherThanTheCarriersOfTheVirtualModelIsNoted() {
        Optional<String> note = VirtualCarriersNote.of(List.of("threads", "virtual"), List.of(carriers, carriers + 1));

        assertTrue(note.isPresent());
        assertTrue(note.get().startsWith("virtual runs on this JVM's one virtual-thread scheduler, " + carriers
                + " carriers"), note.get());
    }

    @Test
    void nothingIsNotedWithoutTheVirtualModelOrWhenEveryPIsTheCarriers() {
        assertEquals(Optional.empty(), VirtualCarriersNote.of(List.of("threads"), List.of(carriers + 1)));
        assertEquals(Optional.empty(), VirtualCarriersNote.of(List.of("virtual"), List.of(carriers)));
    }
}
