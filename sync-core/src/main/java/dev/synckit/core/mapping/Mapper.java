package dev.synckit.core.mapping;

/**
 * Turns a record of one shape into another: a platform record into a canonical one (inbound), or a
 * canonical event into a platform record (outbound). Host applications implement or wrap mappers to
 * add custom fields. Implementations must be thread-safe and free of side effects; the engine
 * validates what they return.
 *
 * @param <S> the source shape
 * @param <T> the target shape
 */
@FunctionalInterface
public interface Mapper<S, T> {

    /**
     * Maps one record.
     *
     * @throws dev.synckit.core.failure.MappingException when the record cannot be mapped; it must
     *     name the record and the field at fault
     */
    T map(S source, MappingContext context);

    /** This mapper followed by a step that adjusts its result, e.g. to set a custom field. */
    default <U> Mapper<S, U> andThen(Customizer<S, T, U> next) {
        java.util.Objects.requireNonNull(next, "next");
        return (source, context) -> next.customize(source, map(source, context), context);
    }

    /**
     * A step applied after a mapper: sees the original source and the mapped result.
     *
     * @param <S> the source shape
     * @param <T> the mapped shape
     * @param <U> the adjusted shape
     */
    @FunctionalInterface
    interface Customizer<S, T, U> {
        U customize(S source, T mapped, MappingContext context);
    }
}
