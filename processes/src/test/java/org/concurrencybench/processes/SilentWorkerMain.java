package org.concurrencybench.processes;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.FrameType;
import org.concurrencybench.processes.protocol.Hello;

/** A worker that greets its parent properly and then never answers, not even to SHUTDOWN: a hung worker. */
public final class SilentWorkerMain {

    private SilentWorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        FrameOutput frames = new FrameOutput(new FileOutputStream(FileDescriptor.out));
        frames.write(FrameType.HELLO, Hello.payload(ProcessHandle.current().pid()));
        System.in.transferTo(OutputStream.nullOutputStream());
        new CountDownLatch(1).await();
    }
}
