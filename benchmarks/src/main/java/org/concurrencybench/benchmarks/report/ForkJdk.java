package org.concurrencybench.benchmarks.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JDK ran the forks of a table: the version JMH recorded in each result, or where it did
 * not, the JDK of the run's environment.json (compare's forks run the JDK that compare runs on,
 * unless {@code --jmh "-jvm ..."} says otherwise, which only JMH's record shows).
 *
 * @param versions the versions, such as {@code 25.0.3}; several if the table merges runs of
 *                 different JDKs; empty when neither record says
 * @param recordedByJmh whether the versions are JMH's own record of the forks
 */
record ForkJdk(List<String> versions, boolean recordedByJmh) {

    private static final Pattern FEATURE = Pattern.compile("^(?:1\\.)?(\\d+)");

    ForkJdk {
        versions = List.copyOf(versions);
    }

    /** The JDK of the forks of {@code source}'s rows in {@code table}. */
    static ForkJdk of(WorkloadTable table, Source source) {
        TreeSet<String> recorded = new TreeSet<>();
        table.rows().stream().filter(row -> row.source() == source).flatMap(row -> row.measured().values().stream())
                .map(Measurement::jdk).filter(jdk -> jdk != null && !jdk.isBlank()).forEach(recorded::add);
        if (!recorded.isEmpty()) {
            return new ForkJdk(List.copyOf(recorded), true);
        }
        if (source.environment() != null && source.environment().javaVersion() != null) {
            return new ForkJdk(List.of(source.environment().javaVersion()), false);
        }
        return new ForkJdk(List.of(), false);
    }

    /** The feature release, 25 for {@code 25.0.3}, when every fork ran the same one. */
    OptionalInt feature() {
        OptionalInt found = OptionalInt.empty();
        for (String version : versions) {
            OptionalInt feature = feature(version);
            if (feature.isEmpty() || found.isPresent() && found.getAsInt() != feature.getAsInt()) {
                return OptionalInt.empty();
            }
            found = feature;
        }
        return found;
    }

    static OptionalInt feature(String version) {
        Matcher matcher = FEATURE.matcher(version.strip());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** {@code JDK 25.0.3}; {@code JDK 21.0.7 and 25.0.3}; empty when unknown. */
    Optional<String> describe() {
        return versions.isEmpty() ? Optional.empty() : Optional.of("JDK " + String.join(" and ", versions));
    }

    /** The sentence that says which JDK ran the forks, and how that is known. */
    String sentence() {
        return describe().map(jdk -> "The forks of this table ran " + jdk + (recordedByJmh ? " (JMH's record of each fork)."
                        : " (the JDK of the run's environment.json; JMH's results do not record the forks')."))
                .orElse("Which JDK ran the forks is not recorded: JMH's results have no jdkVersion and no"
                        + " environment.json lies beside them.");
    }
}
