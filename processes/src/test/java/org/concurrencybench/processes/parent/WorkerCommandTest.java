package org.concurrencybench.processes.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    @Test
    void optionsAreAddedBeforeTheClassPath() {
        WorkerCommand command = WorkerCommand.of(Path.of("java"), List.of("-Xshare:auto"), "a.jar", "Main");

        assertEquals(List.of("java", "-Xshare:auto", "-Xmx64m", "-cp", "a.jar", "Main"),
                command.withOptions(List.of("-Xmx64m")).command());
    }
}
