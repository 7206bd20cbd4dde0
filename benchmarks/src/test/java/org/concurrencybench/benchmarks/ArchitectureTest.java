package org.concurrencybench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concurrencybench.core.ModelRegistry;
import org.junit.jupiter.api.Test;

/**
 * The packages of the benchmarks module import one another one way: the command line on top,
 * the jobs below it, the shared package at the bottom. Read from the import lines of the main
 * sources; the rules are first shown to catch packages that break them.
 */
class ArchitectureTest {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @Test
    void theModulesPackagesImportOneAnotherOneWayAndNoneImportsTheCommandLine() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES.resolve("org/concurrencybench/benchmarks")),
                "the tests run in the benchmarks module's folder, which holds src/main/java; ran in " + Path.of("").toAbsolutePath());

        PackageImports imports = PackageImports.read(MAIN_SOURCES);

        assertTrue(imports.packages().containsAll(List.of("bare", "cli", "common", "compare", "footprint", "jmh", "report",
                        "verify")),
                "packages read: " + imports.packages());
        assertTrue(imports.importsOf("cli").containsAll(List.of("common", "compare", "footprint", "report", "verify")),
                "cli imports: " + imports.importsOf("cli"));
        assertEquals(List.of(), imports.violations());
    }

    /**
     * The module reaches models through the registry and their descriptions, never by name, so a
     * new model needs no change here. The one list of ids is ModelBenchmark's {@code @Param model},
     * because JMH needs constants (a test keeps it equal to the registry). The bare twins' ids
     * ({@code bare-threads}) are ids of their own, and BareTwin alone maps one to its model.
     */
    @Test
    void noMainSourceSpellsAModelsIdButTheModelParameterList() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                sources.put(MAIN_SOURCES.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }

        assertTrue(ModelRegistry.ids().size() > 1, "the registry should hold the models: " + ModelRegistry.ids());
        assertEquals(List.of(), modelIdsSpelled(sources, ModelRegistry.ids()), "model ids spelled in the benchmarks' main code");
    }

    @Test
    void aModelsIdInAStringIsFoundAndATwinsIdOrTheModelParameterListIsNot() {
        Map<String, String> sources = Map.of(
                "org/concurrencybench/benchmarks/report/Notes.java", """
                        final class Notes {
                            String twin = "bare-threads";
                            String quoted = "say \\"threads\\" here";
                            String named = "threads";
                        }
                        """,
                "org/concurrencybench/benchmarks/jmh/ModelBenchmark.java", """
                        @Param({"threads", "virtual"})
                        """);

        assertEquals(List.of("org/concurrencybench/benchmarks/report/Notes.java:4: \"threads\""),
                modelIdsSpelled(sources, List.of("threads", "virtual")));
    }

    /** Each string literal of {@code sources} (by file name) that is one of {@code ids}, as {@code file:line: "id"}. */
    private static List<String> modelIdsSpelled(Map<String, String> sources, List<String> ids) {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> found = new ArrayList<>();
        new TreeMap<>(sources).forEach((file, text) -> {
            if (file.endsWith("jmh/ModelBenchmark.java")) {
                return;
            }
            List<String> lines = text.lines().toList();
            for (int index = 0; index < lines.size(); index++) {
                Matcher matcher = literal.matcher(lines.get(index));
                while (matcher.find()) {
                    if (ids.contains(matcher.group(1))) {
                        found.add(file + ":" + (index + 1) + ": " + matcher.group());
                    }
                }
            }
        });
        return found;
    }

    @Test
    void twoPackagesThatImportEachOtherAreACycle() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "compare/Comparison.java", """
                        package org.concurrencybench.benchmarks.compare;

                        import java.util.List;
                        import org.concurrencybench.benchmarks.report.ReportWriter;

                        public final class Comparison {
                        }
                        """,
                "report/ReportWriter.java", """
                        package org.concurrencybench.benchmarks.report;

                        import org.concurrencybench.benchmarks.compare.Comparison;

                        public final class ReportWriter {
                        }
                        """)));

        assertEquals(List.of("packages import each other: compare -> report -> compare (compare/Comparison.java: import"
                + " org.concurrencybench.benchmarks.report.ReportWriter; report/ReportWriter.java: import"
                + " org.concurrencybench.benchmarks.compare.Comparison); a package may import only the packages below it"),
                imports.violations());
    }

    @Test
    void aCycleThroughThreePackagesIsFoundOnce() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "compare/A.java", source("compare", "org.concurrencybench.benchmarks.report.B"),
                "report/B.java", source("report", "org.concurrencybench.benchmarks.footprint.C"),
                "footprint/C.java", source("footprint", "org.concurrencybench.benchmarks.compare.A"),
                "common/D.java", source("common"))));

        assertEquals(List.of(List.of("compare", "report", "footprint", "compare")), imports.cycles());
        assertEquals(1, imports.violations().size(), imports.violations().toString());
    }

    @Test
    void aJobThatImportsTheCommandLineIsNamedWithTheLine() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "cli/Bench.java", source("cli", "org.concurrencybench.benchmarks.report.Report"),
                "report/Report.java", source("report", "org.concurrencybench.benchmarks.common.ExitCode"),
                "compare/Comparison.java", source("compare", "org.concurrencybench.benchmarks.cli.Bench.Version"),
                "common/ExitCode.java", source("common"))));

        assertEquals(List.of("compare imports the command line (compare/Comparison.java: import"
                + " org.concurrencybench.benchmarks.cli.Bench.Version); cli is on top, and no package imports it"),
                imports.violations());
    }

    @Test
    void theSharedPackageImportsNoOtherPackageOfTheModule() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "common/Environment.java", source("common", "org.concurrencybench.benchmarks.report.RunRecord"),
                "report/RunRecord.java", source("report"))));

        assertEquals(List.of("common imports report (common/Environment.java: import"
                + " org.concurrencybench.benchmarks.report.RunRecord); the shared package is at the bottom and imports"
                + " no other package of the module"), imports.violations());
    }

    @Test
    void aPackageWithoutAPackageInfoIsNamed() {
        PackageImports imports = PackageImports.of(Map.of("load/LoadRun.java", source("load")));

        assertEquals(List.of("load has no package-info.java saying what it does and what it may import"),
                imports.violations());
    }

    @Test
    void staticWildcardAndNestedImportsCountForTheirPackageAndOtherCodeDoesNot() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "compare/A.java", """
                        package org.concurrencybench.benchmarks.compare;

                        import static org.concurrencybench.benchmarks.report.Document.Cell.plain;
                        import org.concurrencybench.benchmarks.footprint.*;
                        import static org.concurrencybench.benchmarks.verify.VerifyOutcome.*;
                        import org.concurrencybench.benchmarks.jmh.WorkloadBenchmark.Kind;
                        import org.concurrencybench.benchmarks.compare.Plan;
                        import org.concurrencybench.core.Workloads;
                        import java.util.List;

                        final class A {
                        }
                        """)));

        assertEquals(Set.of("footprint", "jmh", "report", "verify"), imports.importsOf("compare"));
    }

    @Test
    void packagesThatImportOneWayKeepEveryRule() {
        PackageImports imports = PackageImports.of(described(Map.of(
                "cli/Bench.java", source("cli", "org.concurrencybench.benchmarks.compare.Comparison",
                        "org.concurrencybench.benchmarks.common.ExitCode"),
                "compare/Comparison.java", source("compare", "org.concurrencybench.benchmarks.report.Report",
                        "org.concurrencybench.benchmarks.common.ExitCode"),
                "report/Report.java", source("report", "org.concurrencybench.benchmarks.common.AtomicFiles"),
                "common/ExitCode.java", source("common", "org.concurrencybench.core.Checks"))));

        assertEquals(List.of(), imports.violations());
        assertEquals(List.of(), imports.cycles());
    }

    /** A source file of {@code org.concurrencybench.benchmarks.<name>} with these imports. */
    private static String source(String name, String... imports) {
        StringBuilder text = new StringBuilder("package org.concurrencybench.benchmarks." + name + ";\n\n");
        for (String imported : imports) {
            text.append("import ").append(imported).append(";\n");
        }
        return text.append("\nfinal class Fixture {\n}\n").toString();
    }

    /** {@code sources} with a package-info.java for each of their packages, so that only the rule a test is about breaks. */
    private static Map<String, String> described(Map<String, String> sources) {
        Map<String, String> all = new LinkedHashMap<>(sources);
        for (String file : sources.keySet()) {
            String name = file.substring(0, file.indexOf('/'));
            all.put(name + "/package-info.java", "/** What " + name + " does. */\npackage org.concurrencybench.benchmarks."
                    + name + ";\n");
        }
        return all;
    }
}
