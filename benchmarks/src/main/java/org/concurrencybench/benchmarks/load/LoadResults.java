package org.concurrencybench.benchmarks.load;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Everything one {@code bench load} measured, as load.json: the plan, the generator's capacity,
 * every model at every P with its points and limits, and the points of a model cut short by
 * Ctrl-C. Latencies in milliseconds from each request's intended start, rates per second.
 *
 * @param status    {@code running}, {@code complete} or {@code interrupted}
 * @param coresHeld how each server JVM is held to P cores, in words
 * @param partial the points of the model and P that was running when the run was interrupted
 */
public record LoadResults(String status, LoadPlan plan, String coresHeld, LoadSweep.GeneratorCapacityFigure capacity,
                          double seconds,
                          List<ModelLoad> loads, List<LoadPoint> partial) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    public LoadResults {
        loads = List.copyOf(loads);
        partial = List.copyOf(partial);
    }

    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("status", status);
        json.addProperty("seconds", seconds);
        JsonObject settings = new JsonObject();
        JsonArray models = new JsonArray();
        plan.models().forEach(models::add);
        settings.add("models", models);
        JsonArray cores = new JsonArray();
        plan.cores().forEach(cores::add);
        settings.add("cores", cores);
        if (plan.auto()) {
            settings.addProperty("rates", "auto");
            settings.addProperty("autoStartRate", LoadPlan.AUTO_START);
        } else {
            JsonArray rates = new JsonArray();
            plan.rates().forEach(rates::add);
            settings.add("rates", rates);
        }
        settings.addProperty("warmupSeconds", plan.warmup().toNanos() / 1e9);
        settings.addProperty("durationSeconds", plan.duration().toNanos() / 1e9);
        settings.addProperty("connections", plan.connections());
        settings.addProperty("slo", plan.slo().describe());
        settings.addProperty("sloPercentile", plan.slo().percentile());
        settings.addProperty("sloMs", plan.slo().limitMs());
        settings.addProperty("sustainedShare", LoadSweep.SUSTAINED_SHARE);
        settings.addProperty("generatorBoundShare", LoadSweep.GENERATOR_SHARE);
        JsonObject serve = new JsonObject();
        serve.addProperty("work", plan.serve().work());
        serve.addProperty("delayMs", plan.serve().delayMs());
        serve.addProperty("units", plan.serve().units());
        serve.addProperty("poolThreads", plan.serve().poolThreads());
        settings.add("serve", serve);
        settings.addProperty("coresHeld", coresHeld);
        settings.addProperty("serverJvmOptions", String.join(" ", ServerJvm.OPTIONS));
        json.add("settings", settings);
        if (capacity != null) {
            json.add("generatorCapacity", GSON.toJsonTree(capacity));
        }
        json.add("results", GSON.toJsonTree(loads));
        if (!partial.isEmpty()) {
            json.add("interruptedPoints", GSON.toJsonTree(partial));
        }
        return GSON.toJson(json) + "\n";
    }
}
