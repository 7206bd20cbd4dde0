package org.concurrencybench.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class WorkerCommandTest {

    private final String aotBefore = System.getProperty(WorkerCommand.AOT_PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (aotBefore == null) {
            System.clearProperty(WorkerCommand.AOT_PROPERTY);
        } else {
            System.setProperty(WorkerCommand.AOT_PROPERTY, aotBefore);
        }
    }

    @Test
    void aWorkerIsThisJvmsJavaWithItsClassPathAndTheMainClassLast() {
        System.setProperty(WorkerCommand.AOT_PROPERTY, "false");

        List<String> command = WorkerCommand.of(WorkerMain.class).command();

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals(WorkerCommand.FAST_START_OPTIONS, command.subList(1, 1 + WorkerCommand.FAST_START_OPTIONS.size()));
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()),
                command.subList(command.size() - 3, command.size()));
        assertTrue(command.stream().noneMatch(part -> part.startsWith("-XX:AOTCache")), "the AOT cache is off: " + command);
    }

    @Test
    void optionsAreAddedBeforeTheClassPath() {
        WorkerCommand command = WorkerCommand.of(Path.of("java"), List.of("-Xshare:auto"), "a.jar", "Main");

        assertEquals(List.of("java", "-Xshare:auto", "-Xmx64m", "-cp", "a.jar", "Main"),
                command.withOptions(List.of("-Xmx64m")).command());
    }

    @Test
    void theAotSwitchIsTrueOrFalse() {
        System.setProperty(WorkerCommand.AOT_PROPERTY, "off");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, WorkerCommand::aotEnabled);

        assertEquals("bench.worker.aot must be true or false, got 'off'", refused.getMessage());
    }
}
