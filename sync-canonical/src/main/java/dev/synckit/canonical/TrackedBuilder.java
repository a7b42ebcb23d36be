package dev.synckit.canonical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Base of the canonical records' builders: holds the values every synchronised record carries (its
 * {@link ExternalRef external references}, when the source last changed it, and the platform this version came from)
 * and their fluent setters. Each setter returns the concrete builder {@code B}, so calls chain in any order, e.g.
 * {@code Customer.builder().addExternalRef(ref).id("c-1").lastModified(t).sourceSystem(s).build()}.
 *
 * <p>Not thread-safe: confine each builder to one thread. The subclass's {@code build()} copies the collections, so a
 * builder can be reused after building. Only the builders of this package extend this class.
 *
 * @param <B> the concrete builder type, returned by every setter
 */
public abstract class TrackedBuilder<B extends TrackedBuilder<B>> {
  final List<ExternalRef> externalRefs = new ArrayList<>();
  @Nullable Instant lastModified;
  @Nullable SourceSystem sourceSystem;

  TrackedBuilder() {
  }

  /**
   * Returns this builder as its concrete type, for fluent chaining.
   *
   * @return this builder
   */
  protected abstract B self();

  /**
   * Replaces externalRefs.
   *
   * @param externalRefs the new values
   * @return this builder
   */
  public final B externalRefs(List<ExternalRef> externalRefs) {
    this.externalRefs.clear();
    this.externalRefs.addAll(Objects.requireNonNull(externalRefs, "externalRefs"));
    return self();
  }

  /**
   * Appends an external reference.
   *
   * @param ref the reference
   * @return this builder
   */
  public final B addExternalRef(ExternalRef ref) {
    this.externalRefs.add(Objects.requireNonNull(ref, "ref"));
    return self();
  }

  /**
   * Sets lastModified.
   *
   * @param lastModified the value
   * @return this builder
   */
  public final B lastModified(Instant lastModified) {
    this.lastModified = lastModified;
    return self();
  }

  /**
   * Sets sourceSystem.
   *
   * @param sourceSystem the value
   * @return this builder
   */
  public final B sourceSystem(SourceSystem sourceSystem) {
    this.sourceSystem = sourceSystem;
    return self();
  }
}
