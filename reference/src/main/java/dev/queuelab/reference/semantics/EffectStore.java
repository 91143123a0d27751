package dev.queuelab.reference.semantics;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The world outside the pipeline: every side effect a consumer caused (a charge, an email, a row), in order.
 *
 * Teaches: delivery semantics are judged by effects, not by deliveries: a message delivered twice is harmless
 * if its effect happens once, and a message delivered once is lost if its effect never happens.
 * Invariants:
 *   EF1 an effect once recorded is never changed or removed; effects are numbered in the order they happened.
 * Thread-safety: every method holds the store's monitor.
 * Real world: the payment provider, the mail server, the other team's database: whatever the consumer calls.
 */
public final class EffectStore {

    /** One side effect: the idempotency key of the message that caused it, who caused it, and when. */
    public record Effect(int number, String key, String by, Instant at) {}

    private final InstantSource clock;
    private final List<Effect> effects = new ArrayList<>();

    public EffectStore(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records one effect now and answers it. */
    public synchronized Effect record(String key, String by) {
        Effect e = new Effect(effects.size() + 1, key, by, clock.instant());
        effects.add(e);
        return e;
    }

    /** Every effect so far, oldest first. */
    public synchronized List<Effect> effects() {
        return List.copyOf(effects);
    }

    /** Effects from number {@code from} on (1-based), for an observer that reads as it goes. */
    public synchronized List<Effect> since(int from) {
        return List.copyOf(effects.subList(Math.min(from - 1, effects.size()), effects.size()));
    }
}
