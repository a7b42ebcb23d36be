package dev.synckit.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the work the current thread is doing. The engine opens a scope around each
 * record it processes; connectors read {@link #current()} to send the id with every request. The id is
 * also put in SLF4J's MDC (key {@value #MDC_KEY}) for log lines, but the MDC is not the carrier: some
 * SLF4J bindings ignore it. Thread-confined by design.
 */
public final class Correlation {

    /** The MDC key of the correlation id. */
    public static final String MDC_KEY = "correlationId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The current thread's correlation id, if it is inside a scope. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes {@code correlationId} current until the returned scope is closed; the previous one (if any)
     * comes back then.
     */
    public static Scope open(String correlationId) {
        Objects.requireNonNull(correlationId, "correlationId");
        Scope scope = new Scope(CURRENT.get(), MDC.get(MDC_KEY));
        CURRENT.set(correlationId);
        MDC.put(MDC_KEY, correlationId);
        return scope;
    }

    /** Restores the previous correlation id when closed. */
    public static final class Scope implements AutoCloseable {
        private final @Nullable String previous;
        private final @Nullable String previousMdc;

        private Scope(@Nullable String previous, @Nullable String previousMdc) {
            this.previous = previous;
            this.previousMdc = previousMdc;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
            if (previousMdc == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previousMdc);
            }
        }
    }
}
