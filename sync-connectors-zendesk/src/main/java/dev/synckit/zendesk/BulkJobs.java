package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs bulk jobs of at most 100 items, at most {@link ZendeskConfig#maxQueuedJobs()} in flight, polls them with
 * {@code show_many} (one request for every job in flight) and maps each job's results back to its items, whatever
 * the job type's result shape: by {@code index}, else by {@code id}, {@code external_id} or {@code email}; an
 * object result (as for deletions) applies to every item. An item that no result names fails as transient
 * ({@code JOB_RESULT_MISSING}), so every input is accounted for. Not thread-safe: one instance per batch.
 */
final class BulkJobs {

    static final int MAX_ITEMS = 100;

    /** The outcome of one item of a job. */
    sealed interface ItemResult {
        /** Zendesk wrote it. */
        record Done(long id, @Nullable Boolean created) implements ItemResult {
        }

        /** Zendesk refused it or the job failed. */
        record Failed(SyncException failure) implements ItemResult {
        }
    }

    private final ZendeskClient client;
    private final ZendeskConfig config;
    private int jobsSubmitted;
    private int polls;

    BulkJobs(ZendeskClient client) {
        this.client = client;
        this.config = client.config();
    }

    /**
     * Runs {@code items} through jobs made by {@code submit} and returns one result per item, in order.
     *
     * @param createdByDefault what a success without a {@code Created}/{@code Updated} status means
     */
    List<ItemResult> run(List<ObjectNode> items, Function<List<ObjectNode>, JobStatus> submit,
            @Nullable Boolean createdByDefault) {
        ItemResult[] out = new ItemResult[items.size()];
        Deque<int[]> pending = new ArrayDeque<>();
        for (int from = 0; from < items.size(); from += MAX_ITEMS) {
            pending.add(new int[] {from, Math.min(items.size(), from + MAX_ITEMS)});
        }
        Map<String, Running> running = new LinkedHashMap<>();
        while (!pending.isEmpty() || !running.isEmpty()) {
            while (!pending.isEmpty() && running.size() < config.maxQueuedJobs()) {
                int[] range = pending.poll();
                List<ObjectNode> chunk = items.subList(range[0], range[1]);
                try {
                    JobStatus job = submit.apply(chunk);
                    jobsSubmitted++;
                    running.put(job.id(), new Running(range[0], range[1], config.clock().instant()));
                    if (job.state().done()) {
                        settle(job, running.remove(job.id()), items, out, createdByDefault);
                    }
                } catch (SyncException e) {
                    for (int i = range[0]; i < range[1]; i++) {
                        out[i] = new ItemResult.Failed(e);
                    }
                }
            }
            if (running.isEmpty()) {
                continue;
            }
            sleep();
            List<JobStatus> statuses;
            try {
                polls++;
                statuses = client.jobStatuses(running.keySet());
            } catch (SyncException e) {
                if (!e.retryable()) {
                    failAll(running, out, e);
                    running.clear();
                }
                continue; // a transient polling failure: poll again after the interval
            }
            for (JobStatus s : statuses) {
                if (s.state().done() && running.containsKey(s.id())) {
                    settle(s, running.remove(s.id()), items, out, createdByDefault);
                }
            }
            Instant now = config.clock().instant();
            running.entrySet().removeIf(e -> {
                if (now.isAfter(e.getValue().submittedAt.plus(config.jobTimeout()))) {
                    TransientException timeout = new TransientException("bulk job " + e.getKey()
                            + " did not finish within " + config.jobTimeout(),
                            ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("JOB_TIMEOUT"));
                    for (int i = e.getValue().from; i < e.getValue().to; i++) {
                        out[i] = new ItemResult.Failed(timeout);
                    }
                    return true;
                }
                return false;
            });
        }
        List<ItemResult> results = new ArrayList<>(out.length);
        for (ItemResult r : out) {
            results.add(r != null ? r : new ItemResult.Failed(new TransientException(
                    "the bulk job's results do not mention this record",
                    ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("JOB_RESULT_MISSING"))));
        }
        return results;
    }

    int jobsSubmitted() {
        return jobsSubmitted;
    }

    int polls() {
        return polls;
    }

    private void sleep() {
        try {
            config.sleeper().sleep(config.jobPollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while waiting for bulk jobs",
                    ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("INTERRUPTED"), e);
        }
    }

    private static void failAll(Map<String, Running> running, ItemResult[] out, SyncException e) {
        for (Running r : running.values()) {
            for (int i = r.from; i < r.to; i++) {
                out[i] = new ItemResult.Failed(e);
            }
        }
    }

    private static void settle(JobStatus job, Running range, List<ObjectNode> items, ItemResult[] out,
            @Nullable Boolean createdByDefault) {
        if (job.state() != JobStatus.State.COMPLETED) {
            TransientException failed = new TransientException("bulk job " + job.id() + " ended "
                    + job.state().name().toLowerCase(Locale.ROOT) + job.messageText().map(m -> ": " + m).orElse(""),
                    ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("JOB_" + job.state().name()));
            for (int i = range.from; i < range.to; i++) {
                out[i] = new ItemResult.Failed(failed);
            }
            return;
        }
        List<ObjectNode> chunk = items.subList(range.from, range.to);
        JsonNode results = job.results();
        if (results.isObject()) {
            boolean ok = results.path("success").asBoolean(false);
            for (int i = range.from; i < range.to; i++) {
                out[i] = ok ? new ItemResult.Done(items.get(i).path("id").asLong(), createdByDefault)
                        : new ItemResult.Failed(failure(results, job));
            }
            return;
        }
        int position = 0;
        for (JsonNode r : results) {
            int k = match(r, chunk, position++);
            if (k >= 0 && out[range.from + k] == null) {
                out[range.from + k] = toResult(r, job, createdByDefault);
            }
        }
    }

    /** Which item of the chunk a result is about, or -1. */
    static int match(JsonNode r, List<ObjectNode> chunk, int position) {
        if (r.path("index").canConvertToInt()) {
            int i = r.get("index").asInt();
            return i >= 0 && i < chunk.size() ? i : -1;
        }
        for (String key : List.of("id", "external_id", "email")) {
            String v = r.path(key).asText("");
            if (v.isEmpty()) {
                continue;
            }
            for (int i = 0; i < chunk.size(); i++) {
                if (chunk.get(i).path(key).asText("").equalsIgnoreCase(v)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static ItemResult toResult(JsonNode r, JobStatus job, @Nullable Boolean createdByDefault) {
        String status = r.path("status").asText("");
        boolean failed = status.equalsIgnoreCase("Failed") || r.path("success").asBoolean(true) == false
                || r.hasNonNull("error") || r.hasNonNull("errors");
        if (failed) {
            return new ItemResult.Failed(failure(r, job));
        }
        Boolean created = status.equalsIgnoreCase("Created") ? Boolean.TRUE
                : status.equalsIgnoreCase("Updated") ? Boolean.FALSE : createdByDefault;
        return new ItemResult.Done(r.path("id").asLong(), created);
    }

    private static SyncException failure(JsonNode r, JobStatus job) {
        String code = r.path("error").isTextual() ? r.get("error").asText()
                : r.path("errors").isTextual() ? r.get("errors").asText() : "JOB_ITEM_FAILED";
        String details = r.path("details").isTextual() ? r.get("details").asText()
                : r.path("errors").isTextual() ? r.get("errors").asText() : r.path("details").toString();
        return new RejectedException("bulk job " + job.id() + " (" + job.jobType() + ") refused the record: " + code
                + (details.isEmpty() ? "" : " - " + details),
                ErrorDetails.of(SourceSystem.ZENDESK).withHttpStatus(200).withPlatformCode(code)
                        .withField(fieldOf(details).orElse(null)));
    }

    /** The field a detail text such as {@code "Email: x is not properly formatted"} names. */
    static Optional<String> fieldOf(String details) {
        int colon = details.indexOf(':');
        if (colon <= 0 || colon > 40) {
            return Optional.empty();
        }
        String name = details.substring(0, colon).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return name.matches("[a-z_]+") ? Optional.of(name) : Optional.empty();
    }

    private record Running(int from, int to, Instant submittedAt) {
    }
}
