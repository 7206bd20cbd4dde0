package org.concurrencybench.benchmarks.verify;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.concurrencybench.core.ConcurrencyModel;
import org.concurrencybench.core.OpenWorkload;
import org.concurrencybench.core.Workload;

/**
 * Runs every model x P x workload once and reports each outcome as it comes. A model is
 * created once per P and closed after its workloads, as a benchmark trial would. Each workload
 * is opened for its run and closed after it (io's server listens only while a model calls it),
 * after the model has been asked whether it can run it. A run that throws is a FAILED outcome
 * and the rest go on, so one broken model does not hide the others; only an interruption
 * stops it.
 */
public final class Verification {

    /** Makes model {@code id} with P cores: the registry, or a test's own models. */
    public interface ModelFactory {
        ConcurrencyModel create(String id, int parallelism);
    }

    public interface Listener {
        void outcome(VerifyOutcome outcome);
    }

    private final ModelFactory factory;
    private final Listener listener;

    public Verification(ModelFactory factory, Listener listener) {
        this.factory = factory;
        this.listener = listener;
    }

    public void run(List<String> modelIds, List<Integer> coreCounts, List<SelectedWorkload> workloads)
            throws InterruptedException {
        for (String modelId : modelIds) {
            for (int parallelism : coreCounts) {
                verifyModel(modelId, parallelism, workloads);
            }
        }
    }

    /**
     * One model at one P over every workload. A model that cannot be created fails each of its
     * pairs; one that cannot be closed fails a row of its own.
     */
    private void verifyModel(String modelId, int parallelism, List<SelectedWorkload> workloads) throws InterruptedException {
        int reported = 0;
        try (ConcurrencyModel model = factory.create(modelId, parallelism)) {
            for (SelectedWorkload workload : workloads) {
                listener.outcome(verifyOne(model, workload));
                reported++;
            }
        } catch (RuntimeException broken) {
            if (reported == workloads.size()) {
                listener.outcome(VerifyOutcome.failed(modelId, "(close)", parallelism, 0, OptionalLong.empty(),
                        "closing the model failed: " + oneLine(broken)));
            }
            for (SelectedWorkload selected : workloads.subList(reported, workloads.size())) {
                Workload workload = selected.described();
                listener.outcome(VerifyOutcome.failed(modelId, workload.name(), parallelism, workload.expected(),
                        OptionalLong.empty(), "the model could not be created: " + oneLine(broken)));
            }
        }
    }

    private static VerifyOutcome verifyOne(ConcurrencyModel model, SelectedWorkload selected) throws InterruptedException {
        Workload described = selected.described();
        long expected = described.expected();
        Optional<String> limit = model.limit(described);
        if (limit.isPresent()) {
            return VerifyOutcome.notApplicable(model.id(), described.name(), model.parallelism(), expected, limit.get());
        }
        OpenWorkload open;
        try {
            open = selected.open();
        } catch (RuntimeException cannotOpen) {
            return VerifyOutcome.failed(model.id(), described.name(), model.parallelism(), expected, OptionalLong.empty(),
                    "the workload could not be opened: " + oneLine(cannotOpen));
        }
        long start = System.nanoTime();
        // closed before the outcome is reported: a server that failed while it answered fails the run
        try (open) {
            long answer = model.run(open.workload());
            return VerifyOutcome.answered(model.id(), described.name(), model.parallelism(), answer, expected,
                    System.nanoTime() - start);
        } catch (RuntimeException failed) {
            return VerifyOutcome.failed(model.id(), described.name(), model.parallelism(), expected,
                    OptionalLong.of(System.nanoTime() - start), oneLine(failed));
        }
    }

    /** The first line of the message: a worker's failure may carry the tail of its stderr. */
    static String oneLine(Throwable thrown) {
        String message = thrown.getMessage() == null || thrown.getMessage().isBlank()
                ? thrown.getClass().getName() : thrown.getMessage().strip();
        return message.lines().findFirst().orElse(message);
    }
}
