package dev.synckit.core;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** Makes an envelope's correlation id current and puts it, the event id and the business key in SLF4J's MDC; close restores. */
final class MdcScope implements AutoCloseable {
    static final String EVENT_ID = "eventId";
    static final String BUSINESS_KEY = "businessKey";

    private final Correlation.Scope correlation;
    private final @Nullable String previousEvent;
    private final @Nullable String previousKey;

    private MdcScope(String correlationId, String eventId, String businessKey) {
        previousEvent = MDC.get(EVENT_ID);
        previousKey = MDC.get(BUSINESS_KEY);
        correlation = Correlation.open(correlationId);
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
        correlation.close();
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
