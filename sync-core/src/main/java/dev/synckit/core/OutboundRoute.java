package dev.synckit.core;

import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.spi.RecordSink;
import java.util.Objects;

/**
 * Delivers journaled events to one target: takes the canonical record out of each event, maps it to
 * the target's shape and upserts it through the sink. Each outbound route has its own progress,
 * retries and dead letters. Immutable and thread-safe.
 *
 * @param <C> the canonical type
 * @param <T> the target record type
 */
public final class OutboundRoute<C, T> {

    private final String id;
    private final EntityBinding<C> binding;
    private final Mapper<C, T> mapper;
    private final RecordSink<T> sink;
    private final RetrySettings retry;
    private final int claimSize;
    private final boolean strictOrder;
    private final boolean suppressUnchanged;

    private OutboundRoute(Builder<C, T> b) {
        this.strictOrder = b.strictOrder;
        this.suppressUnchanged = b.suppressUnchanged;
        this.id = b.id;
        this.binding = b.binding;
        this.mapper = b.mapper;
        this.sink = b.sink;
        this.retry = b.retry;
        this.claimSize = b.claimSize;
    }

    /**
     * Starts a route.
     *
     * @param id the route's id (the journal destination), e.g. {@code netsuite-customers}
     */
    public static <C, T> Builder<C, T> builder(String id, EntityBinding<C> binding, Mapper<C, T> mapper,
            RecordSink<T> sink) {
        return new Builder<>(id, binding, mapper, sink);
    }

    public String id() {
        return id;
    }

    public EntityBinding<C> binding() {
        return binding;
    }

    public Mapper<C, T> mapper() {
        return mapper;
    }

    public RecordSink<T> sink() {
        return sink;
    }

    public RetrySettings retry() {
        return retry;
    }

    /** How many entries one worker claims at a time. */
    public int claimSize() {
        return claimSize;
    }

    /** Whether a dead letter holds back the later deliveries of its key until it is replayed or skipped. */
    public boolean strictOrder() {
        return strictOrder;
    }

    /** Whether a write whose content equals what the route last wrote for the record is skipped. */
    public boolean suppressUnchanged() {
        return suppressUnchanged;
    }

    /**
     * Configures an {@link OutboundRoute}. Not thread-safe; {@link #build()} copies.
     *
     * @param <C> the canonical type
     * @param <T> the target record type
     */
    public static final class Builder<C, T> {
        private final String id;
        private final EntityBinding<C> binding;
        private final Mapper<C, T> mapper;
        private final RecordSink<T> sink;
        private RetrySettings retry = RetrySettings.defaults();
        private int claimSize = 50;
        private boolean strictOrder;
        private boolean suppressUnchanged = true;

        private Builder(String id, EntityBinding<C> binding, Mapper<C, T> mapper, RecordSink<T> sink) {
            this.id = Objects.requireNonNull(id, "id");
            this.binding = Objects.requireNonNull(binding, "binding");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        public Builder<C, T> retry(RetrySettings value) {
            this.retry = Objects.requireNonNull(value, "retry");
            return this;
        }

        public Builder<C, T> claimSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("claimSize must be >= 1, was " + value);
            }
            this.claimSize = value;
            return this;
        }

        /**
         * Strict order: when a delivery becomes a dead letter, later deliveries of the same business key
         * wait until it is replayed or skipped. Off by default: a dead letter then does not block its key.
         */
        public Builder<C, T> strictOrder(boolean value) {
            this.strictOrder = value;
            return this;
        }

        /**
         * Skip writes that would change nothing: the engine keeps a hash of the content last written per
         * record and does not send the same content again (saves API quota). On by default.
         */
        public Builder<C, T> suppressUnchanged(boolean value) {
            this.suppressUnchanged = value;
            return this;
        }

        public OutboundRoute<C, T> build() {
            return new OutboundRoute<>(this);
        }
    }
}
