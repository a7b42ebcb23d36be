package dev.synckit.core;

import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.spi.ChangeSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a platform's changes, maps each record to its canonical form and journals the resulting
 * event for every outbound route that subscribes to it. Immutable and thread-safe.
 *
 * @param <R> the platform record type
 * @param <C> the canonical type
 */
public final class InboundRoute<R, C> {

    private final String id;
    private final ChangeSource<R> source;
    private final Mapper<R, C> mapper;
    private final EntityBinding<C> binding;
    private final Duration pollInterval;

    private InboundRoute(Builder<R, C> b) {
        this.id = b.id;
        this.source = b.source;
        this.mapper = b.mapper;
        this.binding = b.binding;
        this.pollInterval = b.pollInterval;
    }

    /**
     * Starts a route.
     *
     * @param id the route's id: names its checkpoint and its dead letters, e.g. {@code salesforce-accounts}
     */
    public static <R, C> Builder<R, C> builder(String id, ChangeSource<R> source, Mapper<R, C> mapper,
            EntityBinding<C> binding) {
        return new Builder<>(id, source, mapper, binding);
    }

    public String id() {
        return id;
    }

    public ChangeSource<R> source() {
        return source;
    }

    public Mapper<R, C> mapper() {
        return mapper;
    }

    public EntityBinding<C> binding() {
        return binding;
    }

    /** How long to wait between polls once the source is caught up. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Configures an {@link InboundRoute}. Not thread-safe; {@link #build()} copies.
     *
     * @param <R> the platform record type
     * @param <C> the canonical type
     */
    public static final class Builder<R, C> {
        private final String id;
        private final ChangeSource<R> source;
        private final Mapper<R, C> mapper;
        private final EntityBinding<C> binding;
        private Duration pollInterval = Duration.ofSeconds(30);

        private Builder(String id, ChangeSource<R> source, Mapper<R, C> mapper, EntityBinding<C> binding) {
            this.id = Objects.requireNonNull(id, "id");
            this.source = Objects.requireNonNull(source, "source");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            this.binding = Objects.requireNonNull(binding, "binding");
        }

        public Builder<R, C> pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        public InboundRoute<R, C> build() {
            return new InboundRoute<>(this);
        }
    }
}
