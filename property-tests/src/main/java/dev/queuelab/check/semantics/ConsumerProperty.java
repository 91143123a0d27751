package dev.queuelab.check.semantics;

import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.reference.semantics.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A consumer's properties: {@code idempotent} holds it to no loss and no duplicate under the TTL the harness gives
 * (IC1 to IC3: lost answers, duplicates, redeliveries, a crash before any of its calls); {@code ttl} gives it a short
 * TTL and lets time pass, so that keys expire: a copy after expiry may run again, and the table must forget (IC4).
 */
public enum ConsumerProperty implements Property<ConsumerTrial, ConsumerStep, ConsumerPromise> {
    IDEMPOTENT("idempotent", Map.of("effect", 0.5, "crash inside consume", 0.2, "second copy", 0.2)),
    TTL("ttl", Map.of("effect", 0.5, "key due to expire", 0.15));

    private static final int[] VISIBILITY = {5, 10, 30};
    private static final int[] TTLS = {5, 10, 20};
    private static final int[] SECONDS = {1, 5, 10, 30};

    private final String id;
    private final Map<String, Double> coverage;

    ConsumerProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "consumer";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/delivery-semantics.md#exercise-16-idempotent-consumer";
    }

    @Override
    public boolean appliesTo(ConsumerPromise promise) {
        return true; // every consumer is held to both: the TTL is the harness's, not the consumer's
    }

    @Override
    public Scenario<ConsumerTrial, ConsumerStep> generate(long seed, ConsumerPromise promise) {
        SplittableRandom random = new SplittableRandom(seed);
        Duration visibility = Duration.ofSeconds(VISIBILITY[random.nextInt(VISIBILITY.length)]);
        ConsumerTrial trial = this == IDEMPOTENT
                ? new ConsumerTrial(visibility, promise.keyTtl(), false)
                : new ConsumerTrial(visibility, Duration.ofSeconds(TTLS[random.nextInt(TTLS.length)]), true);
        List<ConsumerStep> steps = new ArrayList<>();
        steps.add(new ConsumerStep.Publish());
        int n = 4 + random.nextInt(18);
        for (int i = 0; i < n; i++) {
            steps.add(next(random));
        }
        return new Scenario<>(trial, steps);
    }

    private ConsumerStep next(SplittableRandom random) {
        int[] weights = {3, 4, 1, 2, 2, 2, 8, this == TTL ? 5 : 2};
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        int kind = 0;
        while (pick >= weights[kind]) {
            pick -= weights[kind++];
        }
        return switch (kind) {
            case 0 -> new ConsumerStep.Publish();
            case 1 -> new ConsumerStep.Transmit(Channel.Fault.NONE);
            case 2 -> new ConsumerStep.Transmit(Channel.Fault.DROP_REQUEST);
            case 3 -> new ConsumerStep.Transmit(Channel.Fault.DROP_ANSWER);
            case 4 -> new ConsumerStep.Transmit(Channel.Fault.DUPLICATE);
            case 5 -> new ConsumerStep.Retry();
            case 6 -> new ConsumerStep.Consume(1 + random.nextInt(2), random.nextBoolean() ? -1 : random.nextInt(7));
            default -> new ConsumerStep.Tick(SECONDS[random.nextInt(SECONDS.length)]);
        };
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<ConsumerTrial> simpler(ConsumerTrial trial) {
        return trial.visibility().toSeconds() <= VISIBILITY[0]
                ? List.of()
                : List.of(new ConsumerTrial(Duration.ofSeconds(VISIBILITY[0]), trial.keyTtl(), trial.expiryAllowed()));
    }
}
