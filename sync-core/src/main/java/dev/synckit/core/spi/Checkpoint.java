package dev.synckit.core.spi;

import java.util.Objects;

/**
 * An opaque position in a source's change stream, encoded by the source that made it
 * (e.g. a Salesforce {@code SystemModstamp} plus the last {@code Id}). Immutable and thread-safe.
 *
 * @param value the encoded position; {@link #initial()} has the empty value
 */
public record Checkpoint(String value) {

    private static final Checkpoint INITIAL = new Checkpoint("");

    public Checkpoint {
        Objects.requireNonNull(value, "value");
    }

    /** The position before the first change. */
    public static Checkpoint initial() {
        return INITIAL;
    }

    public static Checkpoint of(String value) {
        return new Checkpoint(value);
    }

    public boolean isInitial() {
        return value.isEmpty();
    }
}
