package org.concurrencybench.virtual;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The virtual threads alive in this JVM, read from a thread dump: {@link Thread#getAllStackTraces()}
 * lists platform threads alone. The dump goes to a temporary file, deleted before this returns.
 */
final class VirtualThreadDump {

    /** A thread's first line in the plain-text dump: {@code #23 "virtual-serve-connection-0" virtual ...}. */
    private static final Pattern VIRTUAL_THREAD = Pattern.compile("^#\\d+ \"([^\"]*)\" virtual\\b");

    private VirtualThreadDump() {
    }

    /** The names of the live virtual threads whose name starts with {@code prefix}. */
    static List<String> namesStartingWith(String prefix) throws IOException {
        Path folder = Files.createTempDirectory("virtual-thread-dump");
        Path dump = folder.resolve("threads.txt");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), ThreadDumpFormat.TEXT_PLAIN);
            return Files.readAllLines(dump).stream()
                    .map(VIRTUAL_THREAD::matcher)
                    .filter(Matcher::find)
                    .map(thread -> thread.group(1))
                    .filter(name -> name.startsWith(prefix))
                    .toList();
        } finally {
            Files.deleteIfExists(dump);
            Files.delete(folder);
        }
    }
}
