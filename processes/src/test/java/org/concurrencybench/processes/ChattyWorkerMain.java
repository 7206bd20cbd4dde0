package org.concurrencybench.processes;

/**
 * A worker that writes far more to stderr than a pipe holds and then exits with
 * {@link #EXIT_STATUS} before it is ready: it only gets to exit if its stderr is drained.
 */
public final class ChattyWorkerMain {

    static final int LINES = 20_000;
    static final int EXIT_STATUS = 7;

    private ChattyWorkerMain() {
    }

    public static void main(String[] args) {
        for (int line = 1; line <= LINES; line++) {
            System.err.println(lineText(line));
        }
        System.err.flush();
        System.exit(EXIT_STATUS);
    }

    static String lineText(int line) {
        return "chatter line " + line + " of " + LINES + " ..........................................";
    }
}
