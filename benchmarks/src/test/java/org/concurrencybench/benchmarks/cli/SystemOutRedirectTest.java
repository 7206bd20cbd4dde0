package org.concurrencybench.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SystemOutRedirectTest {

    @Test
    void linesPrintedToSystemOutGoToTheWriterUntilClosedAndThenSystemOutIsRestored() throws InterruptedException {
        PrintStream original = System.out;
        StringWriter target = new StringWriter();

        SystemOutRedirect redirect = SystemOutRedirect.to(new PrintWriter(target));
        try {
            System.out.println("from the caller");
            Thread printer = Thread.ofPlatform().start(() -> System.out.println("from another thread"));
            printer.join();
            System.out.print("a partial line");
        } finally {
            redirect.close();
        }

        assertSame(original, System.out);
        assertEquals(String.join(System.lineSeparator(), "from the caller", "from another thread", "a partial line", ""),
                target.toString());
    }

    @Test
    void aCharacterWhoseBytesArriveInTwoWritesArrivesWhole() {
        StringWriter target = new StringWriter();
        byte[] bytes = "Zürich\n".getBytes(StandardCharsets.UTF_8);

        SystemOutRedirect redirect = SystemOutRedirect.to(new PrintWriter(target));
        try {
            System.out.write(bytes, 0, 2);
            System.out.write(bytes, 2, bytes.length - 2);
            System.out.flush();
        } finally {
            redirect.close();
        }

        assertEquals("Zürich" + System.lineSeparator(), target.toString());
    }
}
