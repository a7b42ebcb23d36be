package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code job_status} of a Zendesk bulk job (platform-apis §3.5). {@link #results()} keeps the job type's own
 * shape: an array of per-item results, an object ({@code {"success": true}}), or null while the job runs.
 * Immutable and thread-safe (the results node is copied in and out).
 *
 * @param id the job id
 * @param jobType Zendesk's job type name
 * @param state the state
 * @param total items in the job, if Zendesk said
 * @param progress items done, if Zendesk said
 * @param message Zendesk's message, if any
 * @param results the results as Zendesk sent them
 */
public record JobStatus(String id, String jobType, State state, @Nullable Integer total, @Nullable Integer progress,
        @Nullable String message, JsonNode results) {

    /** A job's state; {@code killed} is in older docs. */
    public enum State {
        QUEUED, WORKING, COMPLETED, FAILED, KILLED, UNKNOWN;

        static State of(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        /** Whether the job will not change any more. */
        public boolean done() {
            return this == COMPLETED || this == FAILED || this == KILLED;
        }
    }

    public JobStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobType, "jobType");
        Objects.requireNonNull(state, "state");
        results = Objects.requireNonNull(results, "results").deepCopy();
    }

    @Override
    public JsonNode results() {
        return results.deepCopy();
    }

    public Optional<String> messageText() {
        return Optional.ofNullable(message);
    }

    /** Parses a {@code job_status} object. */
    static JobStatus parse(JsonNode node) {
        JsonNode results = node.get("results");
        return new JobStatus(node.path("id").asText(""), node.path("job_type").asText(""),
                State.of(node.path("status").asText("")),
                node.path("total").canConvertToInt() ? node.get("total").asInt() : null,
                node.path("progress").canConvertToInt() ? node.get("progress").asInt() : null,
                node.path("message").isTextual() ? node.get("message").asText() : null,
                results == null ? NullNode.getInstance() : results);
    }
}
