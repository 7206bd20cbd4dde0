package org.concurrencybench.benchmarks.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

    @TempDir
    Path folder;

    @Test
    void jmhJsonIsAnEmptyArrayUntilACellFinishes() throws IOException {
        ResultsFolder.create(folder);

        assertEquals("[\n]\n", Files.readString(folder.resolve("jmh.json")));
    }

    @Test
    void eachCellsResultsJoinJmhJsonAsJmhWroteThem() throws IOException {
        ResultsFolder results = ResultsFolder.create(folder);
        String first = "{\n        \"benchmark\" : \"a\",\n        \"score\" : 1.50E-4\n    }";
        String second = "{\n        \"benchmark\" : \"b\"\n    }";
        Files.writeString(results.partFile(1), "[\n    " + first + "\n]\n");
        Files.writeString(results.partFile(2), "[\n    " + second + "\n]\n");

        results.addPart(results.partFile(1));
        results.addPart(results.partFile(2));

        assertEquals("[\n    " + first + ",\n    " + second + "\n]\n", Files.readString(folder.resolve("jmh.json")));
        assertFalse(Files.exists(results.partFile(1)));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("jmh.json"), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void aPartThatIsNotJmhsJsonIsRefusedAndJmhJsonKeepsWhatItHad() throws IOException {
        ResultsFolder results = ResultsFolder.create(folder);
        Files.writeString(results.partFile(1), "{ \"benchmark\" : ");

        assertThrows(IOException.class, () -> results.addPart(results.partFile(1)));

        assertEquals("[\n]\n", Files.readString(folder.resolve("jmh.json")));
    }
}
