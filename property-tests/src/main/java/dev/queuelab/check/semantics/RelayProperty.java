package dev.queuelab.check.semantics;

import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The outbox's one property, {@code crashes}: orders placed and relays run in any order, each process dying before
 * any one of its calls half the time (before its begin, between a publish and its mark, before a commit...), judged
 * from outside after a last relay runs to the end (RL1 to RL4).
 */
public enum RelayProperty implements Property<RelayTrial, RelayStep, RelayPromise> {
    CRASHES(
            "crashes",
            Map.of(
                    "order committed", 0.5,
                    "crash in the app", 0.3,
                    "crash after a publish", 0.1,
                    "duplicate after a crash", 0.1));

    private final String id;
    private final Map<String, Double> coverage;

    RelayProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "outbox";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/delivery-semantics.md#exercise-19-outbox-relay";
    }

    @Override
    public boolean appliesTo(RelayPromise promise) {
        return true;
    }

    @Override
    public Scenario<RelayTrial, RelayStep> generate(long seed, RelayPromise promise) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RelayStep> steps = new ArrayList<>();
        steps.add(new RelayStep.PlaceOrder(crash(random, 5)));
        int n = 2 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            steps.add(
                    random.nextBoolean()
                            ? new RelayStep.PlaceOrder(crash(random, 5))
                            : new RelayStep.Relay(crash(random, 8)));
        }
        return new Scenario<>(RelayTrial.APP_AND_RELAY, steps);
    }

    private static int crash(SplittableRandom random, int points) {
        return random.nextBoolean() ? -1 : random.nextInt(points);
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<RelayTrial> simpler(RelayTrial trial) {
        return List.of();
    }
}
