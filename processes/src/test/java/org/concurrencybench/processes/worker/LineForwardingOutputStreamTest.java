package org.concurrencybench.processes.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.Frames;
import org.junit.jupiter.api.Test;

class LineForwardingOutputStreamTest {

    private final ByteArrayOutputStream pipe = new ByteArrayOutputStream();
    private final LineForwardingOutputStream forwarding = new LineForwardingOutputStream(new FrameOutput(pipe));
    private final PrintStream out = new PrintStream(forwarding, true, StandardCharsets.UTF_8);

    @Test
    void eachPrintedLineIsOneOutputFrame() throws IOException {
        out.println("Task 1 assigned to thread: main");
        out.print("two ");
        out.print("parts\r\nthird ");
        out.println("line ü");

        assertEquals(List.of("Task 1 assigned to thread: main", "two parts", "third line ü"), lines());
    }

    @Test
    void anUnfinishedLineIsSentBeforeTheReply() throws IOException {
        out.print("no newline");
        assertEquals(List.of(), lines());

        forwarding.sendPartialLine();

        assertEquals(List.of("no newline"), lines());
    }

    @Test
    void aLineLongerThanTheLimitGoesInPieces() throws IOException {
        out.println("y".repeat(LineForwardingOutputStream.LONGEST_LINE + 10));

        List<String> lines = lines();

        assertEquals(2, lines.size());
        assertEquals(LineForwardingOutputStream.LONGEST_LINE, lines.get(0).length());
        assertEquals("y".repeat(10), lines.get(1));
    }

    private List<String> lines() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(pipe.toByteArray());
        List<String> lines = new ArrayList<>();
        Frames.Frame frame;
        while ((frame = Frames.read(in)) != null) {
            assertEquals(FrameType.OUTPUT, frame.type());
            lines.add(new String(frame.payload(), StandardCharsets.UTF_8));
        }
        return lines;
    }
}
