package org.concurrencybench.processes.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.concurrencybench.processes.parent.WorkerCommand;
import org.concurrencybench.processes.worker.WorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class AotWorkerCommandTest {

    private final String aotBefore = System.getProperty(AotCache.PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (aotBefore == null) {
            System.clearProperty(AotCache.PROPERTY);
        } else {
            System.setProperty(AotCache.PROPERTY, aotBefore);
        }
    }

    @Test
    void aWorkerIsThisJvmsJavaWithItsClassPathAndTheMainClassLast() {
        System.setProperty(AotCache.PROPERTY, "false");

        List<String> command = AotCache.workerCommand(WorkerMain.class).command();

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals(WorkerCommand.FAST_START_OPTIONS, command.subList(1, 1 + WorkerCommand.FAST_START_OPTIONS.size()));
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()),
                command.subList(command.size() - 3, command.size()));
        assertTrue(command.stream().noneMatch(part -> part.startsWith("-XX:AOTCache")), "the AOT cache is off: " + command);
    }

    @Test
    void theAotSwitchIsTrueOrFalse() {
        System.setProperty(AotCache.PROPERTY, "off");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, AotCache::enabled);

        assertEquals("bench.worker.aot must be true or false, got 'off'", refused.getMessage());
    }
}
