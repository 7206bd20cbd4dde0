package org.concurrencybench.benchmarks.common;

import java.nio.file.Path;

/** A results file that cannot be read as what it should be; the message names the file and the problem. */
public class ResultsFileException extends RuntimeException {

    public ResultsFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ResultsFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
