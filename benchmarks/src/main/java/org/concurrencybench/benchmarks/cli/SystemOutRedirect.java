package org.concurrencybench.benchmarks.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Sends {@link System#out} to a command's writer while it is open. The demonstration kernels
 * print from their own threads (and worker processes' lines are forwarded) to
 * {@code System.out}, while the command prints to its picocli writer; with both going to one
 * writer, line by line, the demo's output is one stream in the order it happened, and a test
 * that hands the command a {@link java.io.StringWriter} sees all of it.
 */
final class SystemOutRedirect implements AutoCloseable {

    private final PrintStream original;
    private final PrintStream redirected;

    private SystemOutRedirect(PrintWriter target) {
        this.original = System.out;
        this.redirected = new PrintStream(new LineForwarder(target), true, StandardCharsets.UTF_8);
        System.setOut(redirected);
    }

    /** Redirects {@code System.out} to {@code target} until {@link #close()}. */
    static SystemOutRedirect to(PrintWriter target) {
        return new SystemOutRedirect(target);
    }

    @Override
    public void close() {
        System.setOut(original);
        redirected.close();
    }

    /**
     * Hands whole lines to the writer. Decoding a line at a time keeps a multi-byte character
     * that arrives in two writes intact (a newline byte never occurs inside a UTF-8 sequence).
     */
    private static final class LineForwarder extends OutputStream {

        private final PrintWriter target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineForwarder(PrintWriter target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                forwardLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        /** A partial line waits for its newline: the writer is only ever given whole lines. */
        @Override
        public synchronized void flush() {
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                forwardLine();
            }
        }

        private void forwardLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            target.println(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            target.flush();
        }
    }
}
