package org.concurrencybench.processes.worker;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.concurrencybench.processes.protocol.FrameOutput;
import org.concurrencybench.processes.protocol.ServeOrder;
import org.concurrencybench.processes.protocol.ServingReport;

/**
 * The servers a worker runs, by server id, started and stopped by the thread that reads the
 * parent's frames, which alone touches them; each start and stop is answered with a
 * {@link ServingReport}. Serving goes on beside the orders: a unit runs on the main thread
 * while connections are answered on their own.
 */
final class WorkerServers {

    private final FrameOutput frames;
    private final Map<Long, WorkerServer> running = new HashMap<>();

    WorkerServers(FrameOutput frames) {
        this.frames = frames;
    }

    void start(ServeOrder order) {
        WorkerServer server;
        try {
            server = WorkerServer.start(order);
        } catch (IOException | RuntimeException cannotServe) {
            report(ServingReport.failed(order.serverId(), "could not accept on 127.0.0.1:" + order.port() + ": "
                    + cannotServe));
            return;
        }
        WorkerServer previous = running.put(order.serverId(), server);
        if (previous != null) {
            closeQuietly(previous);
        }
        report(ServingReport.serving(order.serverId()));
    }

    /** Closes the server's listener and connections; a server it does not run is stopped already. */
    void stop(long serverId) {
        WorkerServer server = running.remove(serverId);
        if (server != null) {
            closeQuietly(server);
        }
        report(ServingReport.stopped(serverId));
    }

    private static void closeQuietly(WorkerServer server) {
        try {
            server.close();
        } catch (InterruptedException interrupted) {
            // only the frame reader closes servers, and nothing interrupts it
            Thread.currentThread().interrupt();
        }
    }

    private void report(ServingReport report) {
        try {
            frames.write(report.type(), report.payload());
        } catch (IOException parentGone) {
            // the frame reader sees standard input end next and stops the worker
            System.err.println("worker: could not report " + report + ": " + parentGone);
        }
    }
}
