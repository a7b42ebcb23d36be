package dev.synckit.netsuite;

import java.util.Optional;

/**
 * Finds the NetSuite item internal id of a SKU (the item's {@code itemId}, "Item Name/Number"). The order mapper
 * asks it for a line whose product the {@code product} cross-reference does not know in NetSuite. In production pass
 * {@code client::findItemIdBySku} ({@link NetSuiteClient#findItemIdBySku}); unit tests pass a map look-up, so the
 * mapper stays free of I/O. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ItemResolver {

    /** Resolves nothing: lines need the cross-reference (the default of {@link OrderToNetSuiteMapper}). */
    ItemResolver NONE = sku -> Optional.empty();

    /**
     * The internal id of the item with this SKU, or empty when NetSuite has none.
     *
     * @throws dev.synckit.core.failure.SyncException when the look-up itself failed (for example a transient
     *     failure of the SuiteQL request); the mapping fails with it and is retried by the engine
     */
    Optional<String> itemIdForSku(String sku);
}
