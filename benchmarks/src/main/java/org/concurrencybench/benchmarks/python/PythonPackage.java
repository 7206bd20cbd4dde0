package org.concurrencybench.benchmarks.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suite's Python package, {@code concurrency_bench}, copied out of the class path (the jar,
 * or {@code target/classes} in the tests) into a temporary folder for the interpreter to import;
 * {@link #close()} deletes the folder. So the Python models run from the jar wherever it is,
 * and from a fresh clone once it is built, with nothing installed.
 */
public final class PythonPackage implements AutoCloseable {

    /** The package's name: {@code python3 -m concurrency_bench}. */
    public static final String NAME = "concurrency_bench";

    /** Where the package lies on the class path. */
    static final String RESOURCE_ROOT = "/python/";

    private final Path folder;

    private PythonPackage(Path folder) {
        this.folder = folder;
    }

    /** The package copied into a new temporary folder. */
    public static PythonPackage extract() {
        URL marker = PythonPackage.class.getResource(RESOURCE_ROOT + NAME + "/__init__.py");
        if (marker == null) {
            throw new IllegalStateException("the Python package " + NAME + " is not on the class path (it is packaged from"
                    + " benchmarks/src/main/python); rebuild the benchmarks");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("bench-python-");
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = jarFileSystem(uri)) {
                    copy(jar.getPath(RESOURCE_ROOT + NAME), folder.resolve(NAME));
                }
            } else {
                copy(Path.of(uri).getParent(), folder.resolve(NAME));
            }
            return new PythonPackage(folder);
        } catch (IOException | URISyntaxException | RuntimeException failed) {
            if (folder != null) {
                delete(folder);
            }
            throw new IllegalStateException("cannot copy the Python package " + NAME + " out of the class path: " + failed,
                    failed);
        }
    }

    /** A view of the jar of its own, which closing cannot take from anyone else who has the jar open. */
    private static FileSystem jarFileSystem(URI uri) throws IOException {
        String inner = uri.getRawSchemeSpecificPart();
        return FileSystems.newFileSystem(Path.of(URI.create(inner.substring(0, inner.indexOf("!/")))));
    }

    /** The folder to put on PYTHONPATH: it holds {@code concurrency_bench/}. */
    public Path folder() {
        return folder;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                String relative = from.relativize(file).toString();
                if (relative.contains("__pycache__") || relative.endsWith(".pyc")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Deletes the folder and everything in it, the interpreter's caches too. */
    @Override
    public void close() {
        delete(folder);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException leftBehind) {
            // a few kilobytes in the temporary folder; nothing depends on them
        }
    }
}
