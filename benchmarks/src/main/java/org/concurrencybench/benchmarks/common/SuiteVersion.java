package org.concurrencybench.benchmarks.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version, as the build wrote it into {@code version.properties}. */
public final class SuiteVersion {

    private SuiteVersion() {
    }

    /** The version, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build left none. */
    public static String current() {
        Properties properties = new Properties();
        try (InputStream in = SuiteVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
