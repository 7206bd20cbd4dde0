package org.concurrencybench.processes;

import java.io.IOException;
import java.io.OutputStream;

/** A worker that writes text where frames belong, as a wrong main class or a stray println would. */
public final class GarbageWorkerMain {

    static final String JUNK = "this is not a frame";

    private GarbageWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(JUNK);
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
    }
}
