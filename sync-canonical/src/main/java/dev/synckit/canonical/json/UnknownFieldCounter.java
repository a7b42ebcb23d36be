package dev.synckit.canonical.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Skips and counts JSON fields that no canonical type declares, keyed {@code Type.field}. Counting
 * (rather than failing) lets an older reader accept payloads from a newer writer while still making
 * schema drift visible. Thread-safe.
 */
final class UnknownFieldCounter extends DeserializationProblemHandler {

  private final LongAdder total = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byName = new ConcurrentHashMap<>();

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
      throws IOException {
    Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
    total.increment();
    byName.computeIfAbsent(type.getSimpleName() + "." + propertyName, k -> new LongAdder()).increment();
    p.skipChildren();
    return true;
  }

  long total() {
    return total.sum();
  }

  Map<String, Long> byName() {
    Map<String, Long> snapshot = new TreeMap<>();
    byName.forEach((k, v) -> snapshot.put(k, v.sum()));
    return Collections.unmodifiableMap(snapshot);
  }
}
