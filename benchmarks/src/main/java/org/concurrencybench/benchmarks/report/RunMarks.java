package org.concurrencybench.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a chart's title that says how short its run was: {@code (quick: 1 fork, 5 × 100 ms)}.
 * A chart is often seen alone, pasted somewhere without the report around it; a quick run's
 * figures, or a run whose JMH options changed the profile's, must not pass there for a full
 * one's. A run without a run record (an older results file) is not known to be either and is
 * not marked.
 */
final class RunMarks {

    /** The profile whose charts need no mark: the benchmarks' own settings. */
    static final String FULL = "full";

    private static final Pattern FORKS = Pattern.compile("^(\\d+) forks?\\b");
    private static final Pattern MEASUREMENT = Pattern.compile("\\bmeasurement (\\d+) x ([^;,]+)");
    private static final Pattern JMH_OPTIONS = Pattern.compile("\\bwith JMH options (.+)$");

    private RunMarks() {
    }

    /** The mark of the runs that have a row in {@code table}; empty when none needs one. */
    static String of(WorkloadTable table, List<Source> sources) {
        List<Source> shown = sources.stream()
                .filter(source -> table.rows().stream().anyMatch(row -> row.source() == source && !row.measured().isEmpty()))
                .toList();
        return of(shown);
    }

    /**
     * {@code " (quick: 1 fork, 5 × 100 ms)"} when every run of {@code sources} has that mark;
     * each run's label before its own mark when they differ; empty when none has a mark.
     */
    static String of(List<Source> sources) {
        Set<String> marks = new LinkedHashSet<>();
        List<String> labelled = new ArrayList<>();
        boolean allMarked = true;
        for (Source source : sources) {
            Optional<String> mark = mark(source.run());
            allMarked &= mark.isPresent();
            mark.ifPresent(text -> {
                marks.add(text);
                labelled.add(source.label() + ": " + text);
            });
        }
        if (marks.isEmpty()) {
            return "";
        }
        return " (" + (allMarked && marks.size() == 1 ? marks.iterator().next() : String.join("; ", labelled)) + ")";
    }

    /**
     * {@code quick: 1 fork, 5 × 100 ms}: the profile, the forks, and the measurement iterations
     * with their time; JMH options that set any of these ({@code -f}, {@code -i}, {@code -r})
     * replace the profile's, and are said: {@code quick, JMH options: 1 fork, 3 × 100 ms}. Empty
     * for a full run as the profile set it, and when there is no run record.
     */
    static Optional<String> mark(RunRecord run) {
        if (run == null || run.profile() == null) {
            return Optional.empty();
        }
        String settings = run.settings() == null ? "" : run.settings().strip();
        Matcher options = JMH_OPTIONS.matcher(settings);
        String jmhOptions = options.find() ? options.group(1).strip() : "";
        if (FULL.equals(run.profile().toLowerCase(Locale.ROOT)) && jmhOptions.isEmpty()) {
            return Optional.empty();
        }
        Matcher forkCount = FORKS.matcher(settings);
        Matcher measurement = MEASUREMENT.matcher(settings);
        boolean forksSaid = forkCount.find();
        boolean measurementSaid = measurement.find();
        String forks = option(jmhOptions, "-f").orElse(forksSaid ? forkCount.group(1) : null);
        String iterations = option(jmhOptions, "-i").orElse(measurementSaid ? measurement.group(1) : null);
        String time = option(jmhOptions, "-r").map(RunMarks::spaced)
                .orElse(measurementSaid ? measurement.group(2).strip() : null);
        List<String> parts = new ArrayList<>();
        if (forks != null) {
            parts.add(forks + ("1".equals(forks) ? " fork" : " forks"));
        }
        if (iterations != null && time != null) {
            parts.add(iterations + " × " + time);
        }
        if (parts.isEmpty() && !settings.isEmpty()) {
            // settings in words this build does not parse: the first clause as it stands
            parts.add(settings.split(";", 2)[0].strip());
        }
        String profile = run.profile() + (jmhOptions.isEmpty() ? "" : ", JMH options");
        return Optional.of(profile + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)));
    }

    /** The value after {@code flag} among JMH's options, such as {@code 2} of {@code -f 2}; the last one wins, as in JMH. */
    private static Optional<String> option(String options, String flag) {
        String[] words = options.isEmpty() ? new String[0] : options.split("\\s+");
        String value = null;
        for (int index = 0; index + 1 < words.length; index++) {
            if (words[index].equals(flag)) {
                value = words[index + 1];
            }
        }
        return Optional.ofNullable(value);
    }

    /** {@code 100 ms} from JMH's {@code 100ms}. */
    private static String spaced(String time) {
        return time.replaceFirst("^(\\d+)\\s*([a-z]+)$", "$1 $2");
    }
}
