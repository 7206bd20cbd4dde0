package org.concurrencybench.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of the benchmarks module import which, read as plain text from the
 * {@code package} and {@code import} lines of source files, and the rules they must keep:
 * no cycle, the command line on top, the shared package at the bottom, a package-info in each.
 * Packages are named below the module, such as {@code report}.
 *
 * @param imports   each package and the packages of the module it imports, each with the first
 *                  import line that made it so ({@code compare/Comparison.java: import ...})
 * @param described the packages that have a package-info.java
 */
record PackageImports(Map<String, Map<String, String>> imports, Set<String> described) {

    static final String MODULE = "org.concurrencybench.benchmarks";
    static final String COMMAND_LINE = "cli";
    static final String SHARED = "common";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;");

    /** Every .java file under {@code sourceRoot}, such as {@code src/main/java}. */
    static PackageImports read(Path sourceRoot) throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                sources.put(sourceRoot.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException unreadable) {
            throw unreadable.getCause();
        }
        return of(sources);
    }

    /** Source texts by file name; a file named {@code package-info.java} describes its package. */
    static PackageImports of(Map<String, String> sources) {
        Map<String, Map<String, String>> imports = new TreeMap<>();
        Set<String> described = new TreeSet<>();
        sources.forEach((file, text) -> {
            String from = null;
            for (String line : text.lines().toList()) {
                Matcher declared = PACKAGE.matcher(line);
                Matcher imported = IMPORT.matcher(line);
                if (from == null && declared.find()) {
                    from = declared.group(1);
                    if (!from.equals(MODULE) && !from.startsWith(MODULE + ".")) {
                        return;
                    }
                    from = shortName(from);
                    imports.computeIfAbsent(from, ignored -> new TreeMap<>());
                    if (file.endsWith("package-info.java")) {
                        described.add(from);
                    }
                } else if (from != null && imported.find()) {
                    String to = packageOf(imported.group(1));
                    if ((to.equals(MODULE) || to.startsWith(MODULE + ".")) && !shortName(to).equals(from)) {
                        imports.get(from).putIfAbsent(shortName(to), file + ": " + line.strip().replaceFirst("\\s*;$", ""));
                    }
                }
            }
        });
        return new PackageImports(imports, described);
    }

    /** The package of an imported name: the segments before the first capitalised one (the class). */
    private static String packageOf(String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("\\.")) {
            if (Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }

    private static String shortName(String packageName) {
        return packageName.equals(MODULE) ? MODULE : packageName.substring(MODULE.length() + 1);
    }

    Set<String> packages() {
        return imports.keySet();
    }

    /** The packages {@code from} imports. */
    Set<String> importsOf(String from) {
        return imports.getOrDefault(from, Map.of()).keySet();
    }

    /** Every broken rule, one line each; empty when the packages keep them all. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (List<String> cycle : cycles()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i + 1 < cycle.size(); i++) {
                lines.add(imports.get(cycle.get(i)).get(cycle.get(i + 1)));
            }
            violations.add("packages import each other: " + String.join(" -> ", cycle) + " (" + String.join("; ", lines)
                    + "); a package may import only the packages below it");
        }
        imports.forEach((from, targets) -> {
            if (!from.equals(COMMAND_LINE) && targets.containsKey(COMMAND_LINE)) {
                violations.add(from + " imports the command line (" + targets.get(COMMAND_LINE) + "); " + COMMAND_LINE
                        + " is on top, and no package imports it");
            }
            if (from.equals(SHARED) && !targets.isEmpty()) {
                violations.add(SHARED + " imports " + String.join(", ", targets.keySet()) + " (" + targets.values().iterator().next()
                        + "); the shared package is at the bottom and imports no other package of the module");
            }
            if (!described.contains(from)) {
                violations.add(from + " has no package-info.java saying what it does and what it may import");
            }
        });
        return violations;
    }

    /**
     * One cycle for each group of packages that reach one another through their imports, as the
     * packages along it, the first again at the end: {@code [compare, report, compare]}.
     */
    List<List<String>> cycles() {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> inACycle = new TreeSet<>();
        for (String start : imports.keySet()) {
            if (inACycle.contains(start)) {
                continue;
            }
            List<String> cycle = shortestPathBack(start);
            if (!cycle.isEmpty()) {
                cycles.add(cycle);
                imports.keySet().stream().filter(other -> reaches(start, other) && reaches(other, start)).forEach(inACycle::add);
            }
        }
        return cycles;
    }

    /** The shortest way from {@code start} through its imports back to itself; empty when there is none. */
    private List<String> shortestPathBack(String start) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : importsOf(at)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return List.of();
    }

    private boolean reaches(String from, String to) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            for (String next : importsOf(queue.removeFirst())) {
                if (next.equals(to)) {
                    return true;
                }
                if (seen.add(next)) {
                    queue.addLast(next);
                }
            }
        }
        return false;
    }
}
