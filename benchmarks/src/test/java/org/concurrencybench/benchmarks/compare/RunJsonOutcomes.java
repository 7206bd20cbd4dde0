package org.concurrencybench.benchmarks.compare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What became of each cell of a run, read back from its run.json, for the tests of a whole comparison. */
public final class RunJsonOutcomes {

    private RunJsonOutcomes() {
    }

    /** {@code "cpu thread-pool 1" -> "measured"}: each cell's workload, model and P, and its outcome. */
    public static Map<String, String> of(Path runJson) throws IOException {
        Map<String, String> outcomes = new LinkedHashMap<>();
        JsonObject run = JsonParser.parseString(Files.readString(runJson, StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement element : run.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            outcomes.put(cell.get("workload").getAsString() + " " + cell.get("model").getAsString() + " "
                    + cell.get("cores").getAsInt(), cell.get("outcome").getAsString());
        }
        return outcomes;
    }
}
