package org.concurrencybench.processes.worker;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.concurrencybench.processes.protocol.FrameOutput;

/**
 * The main class of a worker JVM. Standard input and output carry frames; {@code System.out}
 * becomes a stream that forwards each printed line to the parent, {@code System.in} becomes
 * empty, so a unit can neither corrupt the protocol nor steal an order. Standard error is
 * left as it is: the parent keeps its tail for error messages.
 *
 * <p>Units run on this JVM's main thread, as a Python {@code Process}'s target does, so a
 * unit that prints its thread prints {@code main}. Exit status: 0 after a SHUTDOWN frame,
 * {@value WorkerLoop#EXIT_BAD_REQUEST} when the parent sent something that is not an
 * order, {@value WorkerLoop#EXIT_ORPHANED} when standard input closed without a SHUTDOWN
 * (the parent is gone).
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FrameOutput frames = new FrameOutput(new FileOutputStream(FileDescriptor.out));
        LineForwardingOutputStream forwarded = new LineForwardingOutputStream(frames);
        System.setOut(new PrintStream(forwarded, true, StandardCharsets.UTF_8));
        InputStream orders = new BufferedInputStream(new FileInputStream(FileDescriptor.in), 8192);
        System.setIn(InputStream.nullInputStream());
        int status = new WorkerLoop(orders, frames, forwarded).serve();
        System.out.flush();
        System.exit(status);
    }
}
