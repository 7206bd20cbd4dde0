package org.concurrencybench.benchmarks.compare;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends every process this JVM started, and theirs: JMH's forks and the worker JVMs of the
 * process models. The whole tree is listed first, because a worker whose parent has died is
 * no longer this JVM's descendant and could not be found afterwards. Each is asked to stop
 * (SIGTERM, so that a fork closes its model and a model its workers), then killed if it has
 * not stopped within the grace period.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Ends every descendant; returns how many had to be killed after the grace period. */
    static int endAll(long grace, TimeUnit unit) {
        List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + unit.toNanos(grace);
        int killed = 0;
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                process.destroyForcibly();
                killed++;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                killed++;
            } catch (ExecutionException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
        return killed;
    }

    /** The processes this JVM started that are still alive, with their command lines. */
    static List<String> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
    }
}
