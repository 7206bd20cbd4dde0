package org.concurrencybench.processes.protocol;

/**
 * A unit that threw in a worker process. The exception itself stays in the worker; this
 * carries its class name, message and the first frames of its stack trace, which become this
 * exception's own stack trace, so a printed trace shows where the unit failed.
 */
public final class RemoteUnitException extends RuntimeException {

    RemoteUnitException(String remoteClassName, String remoteMessage, StackTraceElement[] remoteStack, long workerPid) {
        super(remoteClassName + (remoteMessage == null ? "" : ": " + remoteMessage) + " (in worker pid " + workerPid + ")");
        setStackTrace(remoteStack);
    }
}
