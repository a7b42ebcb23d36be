package dev.synckit.core;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.CustomerRegistered;
import dev.synckit.canonical.event.CustomerUpdated;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ties a canonical entity type to its events: how to read its id, which event announces a mapped
 * record, and how to take the record back out of an event. Routes use it on both sides of the
 * journal. Immutable and thread-safe.
 *
 * @param <C> the canonical type, e.g. {@link Customer}
 */
public final class EntityBinding<C> {

    /**
     * Makes the event for a freshly mapped record.
     *
     * @param <C> the canonical type
     */
    @FunctionalInterface
    public interface EventFactory<C> {
        /**
         * @param record the mapped record
         * @param known whether the cross-reference already knew the source record (an update rather than a new record)
         */
        BusinessEvent eventFor(C record, boolean known);
    }

    private final String entityType;
    private final Function<C, String> idOf;
    private final EventFactory<C> eventFactory;
    private final Function<BusinessEvent, Optional<C>> fromEvent;
    private final Set<String> eventTypes;

    private EntityBinding(String entityType, Function<C, String> idOf, EventFactory<C> eventFactory,
            Function<BusinessEvent, Optional<C>> fromEvent, Set<String> eventTypes) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.eventFactory = Objects.requireNonNull(eventFactory, "eventFactory");
        this.fromEvent = Objects.requireNonNull(fromEvent, "fromEvent");
        this.eventTypes = Set.copyOf(eventTypes);
    }

    /** A binding for any canonical type. */
    public static <C> EntityBinding<C> of(String entityType, Function<C, String> idOf, EventFactory<C> eventFactory,
            Function<BusinessEvent, Optional<C>> fromEvent, Set<String> eventTypes) {
        return new EntityBinding<>(entityType, idOf, eventFactory, fromEvent, eventTypes);
    }

    /** Customers: {@code CustomerRegistered} for a record not seen before, {@code CustomerUpdated} after. */
    public static EntityBinding<Customer> customers() {
        return new EntityBinding<>("customer", Customer::id,
                (c, known) -> known ? new CustomerUpdated(c, Set.of()) : new CustomerRegistered(c),
                e -> e instanceof CustomerRegistered r ? Optional.of(r.customer())
                        : e instanceof CustomerUpdated u ? Optional.of(u.customer()) : Optional.empty(),
                Set.of("CustomerRegistered", "CustomerUpdated"));
    }

    public String entityType() {
        return entityType;
    }

    public String idOf(C record) {
        return idOf.apply(record);
    }

    public BusinessEvent eventFor(C record, boolean known) {
        return eventFactory.eventFor(record, known);
    }

    /** The record an event carries, if it is one of this binding's events. */
    public Optional<C> fromEvent(BusinessEvent event) {
        return fromEvent.apply(event);
    }

    /** The event types this binding understands. */
    public Set<String> eventTypes() {
        return eventTypes;
    }
}
