package org.concurrencybench.benchmarks.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code environment.json}: the machine and JVM a comparison ran on, which labels its results
 * when several runs are put side by side.
 *
 * @param forkJvmArgs the arguments every fork got (P is the placeholder for the cores)
 * @param coresHeld   how each fork was held to P cores, in words
 * @param gitCommit   the suite's commit, with {@code +local changes} when the tree differed; null outside git
 */
public record Environment(String javaVendor, String javaVersion, String vmName, String vmVersion, String javaHome,
                          List<String> forkJvmArgs, List<String> launcherJvmArgs, String os, String cpuModel,
                          int availableProcessors, String coresHeld, String suiteVersion, String gitCommit,
                          String host, String dateTime) {

    public static final String FILE_NAME = "environment.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The environment beside {@code resultsFile}, or null if there is none. */
    public static Environment readBeside(Path resultsFile) {
        Path file = resultsFile.toAbsolutePath().getParent().resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Environment environment = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Environment.class);
            if (environment == null) {
                throw new ResultsFileException(file, "is empty; expected the environment that bench compare writes");
            }
            return environment;
        } catch (IOException | JsonParseException unreadable) {
            throw new ResultsFileException(file, "cannot be read as an environment (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    /** {@code JDK 25.0.1 (Eclipse Adoptium) on host, AMD EPYC, 2 processors}. */
    public String summary() {
        return "JDK " + javaVersion + " (" + javaVendor + ") on " + (host == null ? "" : host + ", ") + cpuModel + ", "
                + availableProcessors + (availableProcessors == 1 ? " processor" : " processors");
    }
}
