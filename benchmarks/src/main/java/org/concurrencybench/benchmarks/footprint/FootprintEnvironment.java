package org.concurrencybench.benchmarks.footprint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.concurrencybench.benchmarks.common.EnvironmentProbe;
import org.concurrencybench.benchmarks.common.SuiteVersion;

/**
 * Where a footprint run was measured: the JDK and the machine, and how each measuring JVM was
 * started and what it ran with.
 *
 * @param childJvmOptions the options every measuring JVM is started with
 * @param childJvm        the settings in force in them, as they report; null until one has reported
 * @param parallelism     P: every model is created with the available processors
 */
record FootprintEnvironment(String javaVendor, String javaVersion, String vmName, String javaHome, String os,
                            String cpuModel, int availableProcessors, String host, String suiteVersion, String dateTime,
                            List<String> childJvmOptions, JvmSettings childJvm, int parallelism) {

    /** This machine and JVM; the measuring JVMs run the same {@code java}. */
    static FootprintEnvironment capture(List<String> childJvmOptions) {
        int processors = Runtime.getRuntime().availableProcessors();
        return new FootprintEnvironment(System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.home"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                EnvironmentProbe.cpuModel(), processors, EnvironmentProbe.host(), SuiteVersion.current(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                List.copyOf(childJvmOptions), null, processors);
    }

    /** The same, with the settings a measuring JVM reported. */
    FootprintEnvironment withChildJvm(JvmSettings settings) {
        return new FootprintEnvironment(javaVendor, javaVersion, vmName, javaHome, os, cpuModel, availableProcessors, host,
                suiteVersion, dateTime, childJvmOptions, settings, parallelism);
    }

    /** {@code JDK 25.0.3 (Eclipse Adoptium), AMD EPYC 7B13, 2 processors}. */
    String summary() {
        return "JDK " + javaVersion + " (" + javaVendor + "), " + cpuModel + ", " + availableProcessors
                + (availableProcessors == 1 ? " processor" : " processors") + ", " + os;
    }
}
