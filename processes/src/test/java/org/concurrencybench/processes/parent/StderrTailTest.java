package org.concurrencybench.processes.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrTailTest {

    @Test
    void keepsTheLastBytesAndDropsTheLineTheWindowCuts() {
        StderrTail tail = new StderrTail();
        StringBuilder all = new StringBuilder();
        for (int line = 1; line <= 10_000; line++) {
            String text = "line " + line + "\n";
            all.append(text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            tail.append(bytes, 0, bytes.length);
        }

        String kept = tail.text();

        assertTrue(kept.length() <= StderrTail.KEPT_BYTES && kept.length() > StderrTail.KEPT_BYTES - 16, "kept " + kept.length());
        assertTrue(kept.startsWith("line ") && all.toString().endsWith(kept), "a whole-line suffix of what was written");
        assertEquals("line 9998\nline 9999\nline 10000", tail.lastLines(3));
    }

    @Test
    void oneWriteLargerThanTheWindowKeepsItsEnd() {
        StderrTail tail = new StderrTail();
        byte[] bytes = ("x".repeat(StderrTail.KEPT_BYTES) + "\nthe end").getBytes(StandardCharsets.UTF_8);

        tail.append(bytes, 0, bytes.length);

        assertEquals("the end", tail.text());
    }

    @Test
    void anEmptyTailHasNoLines() {
        assertEquals("", new StderrTail().lastLines(StderrTail.LINES_SHOWN));
    }
}
