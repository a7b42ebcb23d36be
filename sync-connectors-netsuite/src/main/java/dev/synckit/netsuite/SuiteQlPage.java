package dev.synckit.netsuite;

import java.util.List;

/**
 * One page of a SuiteQL result. Immutable and thread-safe.
 *
 * @param rows the rows of this page, in the query's order
 * @param offset the offset of the first row
 * @param hasMore whether a further page exists
 * @param totalResults the rows of the whole result, as NetSuite counted them for this page
 */
public record SuiteQlPage(List<SuiteQlRow> rows, int offset, boolean hasMore, long totalResults) {
    public SuiteQlPage {
        rows = List.copyOf(rows);
    }
}
