package dev.synckit.core.journal;

/**
 * What an append did. Immutable and thread-safe.
 *
 * @param appended deliveries added
 * @param duplicates deliveries already present (same event id and destination), left alone
 */
public record AppendResult(int appended, int duplicates) {
}
