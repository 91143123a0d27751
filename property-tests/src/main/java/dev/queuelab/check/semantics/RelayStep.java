package dev.queuelab.check.semantics;

import dev.queuelab.check.ScenarioStep;
import java.util.List;

/** An outbox scenario's steps: the app places an order, or the relay runs; either may die before a call. */
public sealed interface RelayStep extends ScenarioStep {

    /** Before its call number {@code crashAt} (from 0) the process dies; none when negative. */
    int crashAt();

    /** The app places the next order (o1, o2...). */
    record PlaceOrder(int crashAt) implements RelayStep {
        @Override
        public List<RelayStep> simpler() {
            return crashAt < 0 ? List.of() : List.of(new PlaceOrder(-1));
        }
    }

    /** The relay runs once. */
    record Relay(int crashAt) implements RelayStep {
        @Override
        public List<RelayStep> simpler() {
            return crashAt < 0 ? List.of() : List.of(new Relay(-1));
        }
    }
}
