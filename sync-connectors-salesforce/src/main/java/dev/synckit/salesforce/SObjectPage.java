package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a SOQL result (at most 2,000 rows). Rows are kept as JSON so that a row that cannot be read
 * (an aggregate without Id, a field of the wrong type) does not spoil the others. Immutable and thread-safe
 * as long as callers do not modify the rows.
 *
 * @param totalSize the number of rows of the whole result, as Salesforce counted it
 * @param done whether this is the last batch
 * @param rows the rows of this batch, {@code attributes} included
 */
public record SObjectPage(long totalSize, boolean done, List<JsonNode> rows) {

    public SObjectPage {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /**
     * The rows as records.
     *
     * @param defaultType the type of rows without {@code attributes.type}
     * @throws dev.synckit.core.failure.MappingException for the first row without a textual Id
     */
    public List<SObjectRecord> records(String defaultType) {
        List<SObjectRecord> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            out.add(SObjectRecord.from(row, defaultType));
        }
        return out;
    }
}
