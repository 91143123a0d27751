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
 * The pipeline's properties, one per promise: each applies to a pipeline that makes it, and weighs its
 * scenarios toward what breaks it (lost requests and crashes before the effect for loss; lost answers,
 * duplicates and crashes after the effect for duplicates; crashes inside a transaction for the log).
 */
public enum DeliveryProperty implements Property<DeliveryConfig, DeliveryStep, DeliveryPromise> {
    NO_DUPLICATE("no-duplicate", Map.of("effect", 0.5, "crash holding a message", 0.1)),
    NO_LOSS("no-loss", Map.of("effect", 0.5, "network fault", 0.2)),
    IN_LOG("in-log", Map.of("effect", 0.5, "crash holding a message", 0.1));

    private static final int[] SECONDS = {1, 5, 10, 30, 60};
    private static final int[] VISIBILITY = {5, 10, 30};

    private final String id;
    private final Map<String, Double> coverage;

    DeliveryProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "delivery";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/delivery-semantics.md";
    }

    @Override
    public boolean appliesTo(DeliveryPromise promise) {
        return switch (this) {
            case NO_DUPLICATE -> promise.noDuplicate();
            case NO_LOSS -> promise.noLoss();
            case IN_LOG -> promise.inLog();
        };
    }

    @Override
    public Scenario<DeliveryConfig, DeliveryStep> generate(long seed, DeliveryPromise promise) {
        SplittableRandom random = new SplittableRandom(seed);
        DeliveryConfig config = new DeliveryConfig(Duration.ofSeconds(VISIBILITY[random.nextInt(VISIBILITY.length)]));
        List<DeliveryStep> steps = new ArrayList<>();
        steps.add(new DeliveryStep.Publish());
        int n = 4 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            steps.add(next(random, promise.consumers()));
        }
        return new Scenario<>(config, steps);
    }

    private DeliveryStep next(SplittableRandom random, int consumers) {
        int c = 1 + random.nextInt(consumers);
        int drops = this == NO_LOSS ? 3 : 1;
        int crashes = this == NO_LOSS ? 1 : 3;
        int[] weights = {3, 4, drops, drops, this == NO_DUPLICATE ? 2 : 1, 1, 1, 2, 4, 6, crashes, 2};
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
            case 0 -> new DeliveryStep.Publish();
            case 1 -> new DeliveryStep.Transmit(Channel.Fault.NONE);
            case 2 -> new DeliveryStep.Transmit(Channel.Fault.DROP_REQUEST);
            case 3 -> new DeliveryStep.Transmit(Channel.Fault.DROP_ANSWER);
            case 4 -> new DeliveryStep.Transmit(Channel.Fault.DUPLICATE);
            case 5 -> new DeliveryStep.Delay();
            case 6 -> new DeliveryStep.Reorder();
            case 7 -> new DeliveryStep.Retry();
            case 8 -> new DeliveryStep.Receive(c);
            case 9 -> new DeliveryStep.Advance(c);
            case 10 -> new DeliveryStep.Crash(c);
            default -> new DeliveryStep.Tick(SECONDS[random.nextInt(SECONDS.length)]);
        };
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<DeliveryConfig> simpler(DeliveryConfig config) {
        return config.visibility().toSeconds() <= VISIBILITY[0]
                ? List.of()
                : List.of(new DeliveryConfig(Duration.ofSeconds(VISIBILITY[0])));
    }
}
