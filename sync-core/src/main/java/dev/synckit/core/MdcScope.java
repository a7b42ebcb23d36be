package dev.synckit.core;

import dev.synckit.core.http.PlatformHttp;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** Puts an envelope's correlation id, event id and business key in SLF4J's MDC, restoring what was there on close. */
final class MdcScope implements AutoCloseable {
    static final String EVENT_ID = "eventId";
    static final String BUSINESS_KEY = "businessKey";

    private final @Nullable String previousCorrelation;
    private final @Nullable String previousEvent;
    private final @Nullable String previousKey;

    private MdcScope(String correlationId, String eventId, String businessKey) {
        previousCorrelation = MDC.get(PlatformHttp.CORRELATION_MDC_KEY);
        previousEvent = MDC.get(EVENT_ID);
        previousKey = MDC.get(BUSINESS_KEY);
        MDC.put(PlatformHttp.CORRELATION_MDC_KEY, correlationId);
        MDC.put(EVENT_ID, eventId);
        MDC.put(BUSINESS_KEY, businessKey);
    }

    static MdcScope of(Envelope envelope) {
        return new MdcScope(envelope.correlationId(), envelope.eventId().toString(), envelope.businessKey());
    }

    static MdcScope of(String correlationId, String eventId, String businessKey) {
        return new MdcScope(correlationId, eventId, businessKey);
    }

    @Override
    public void close() {
        restore(PlatformHttp.CORRELATION_MDC_KEY, previousCorrelation);
        restore(EVENT_ID, previousEvent);
        restore(BUSINESS_KEY, previousKey);
    }

    private static void restore(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
