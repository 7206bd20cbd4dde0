package org.concurrencybench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

        assertTrue(imports.packages().containsAll(List.of("cli", "common", "compare", "footprint", "jmh", "report", "verify")),
                "packages read: " + imports.packages());
        assertTrue(imports.importsOf("cli").containsAll(List.of("common", "compare", "footprint", "report", "verify")),
                "cli imports: " + imports.importsOf("cli"));
        assertEquals(List.of(), imports.violations());
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
