package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The buffer's properties. Every invariant is checked in every scenario; each property weighs its steps toward
 * what it aims at: overload for the bound and for blocking, a steady mix for conservation and order, waves of
 * overload and draining for the alarm, restarts with messages held for durability.
 */
public enum BufferProperty implements Property<BufferConfig, BufferStep, BufferPromise> {
    BOUND("bound", new int[] {6, 2, 0, 2}, Map.of("full", 0.5)),
    CONSERVATION("conservation", new int[] {4, 3, 1, 1}, Map.of("delivered", 0.5)),
    ALARM("alarm", new int[] {4, 4, 0, 1}, Map.of("alarm raised", 0.3, "alarm cleared", 0.2)),
    RESTART("restart", new int[] {5, 2, 2, 1}, Map.of("restart holding messages", 0.3));

    private static final int[] SECONDS = {1, 2, 5, 10, 30};
    private static final int[] TIMEOUTS = {5, 10, 30};

    private final String id;
    private final int[] weights;
    private final Map<String, Double> coverage;

    BufferProperty(String id, int[] weights, Map<String, Double> coverage) {
        this.id = id;
        this.weights = weights;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "backpressure";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/backpressure.md";
    }

    @Override
    public boolean appliesTo(BufferPromise promise) {
        return switch (this) {
            case BOUND -> promise.bounded();
            case CONSERVATION, ALARM -> true;
            case RESTART -> promise.durable();
        };
    }

    @Override
    public Scenario<BufferConfig, BufferStep> generate(long seed, BufferPromise promise) {
        SplittableRandom random = new SplittableRandom(seed);
        int capacity = 3 + random.nextInt(3);
        int high = promise.bounded() ? capacity : capacity + random.nextInt(3);
        BufferConfig config = new BufferConfig(
                capacity,
                Duration.ofSeconds(TIMEOUTS[random.nextInt(TIMEOUTS.length)]),
                high,
                random.nextInt(high - 1));
        List<BufferStep> steps = new ArrayList<>();
        int n = 6 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
            steps.add(next(random));
        }
        if (promise.neverDrops() && random.nextInt(3) == 0) {
            steps.addAll(random.nextInt(steps.size() + 1), staggeredWaits(config));
        }
        return new Scenario<>(config, steps);
    }

    /**
     * BP4's rare case, aimed at rather than left to luck: the buffer full, one offer waits, time passes, a second
     * waits, and the clock reaches the first one's deadline but not the second's: expire must answer exactly one.
     */
    private static List<BufferStep> staggeredWaits(BufferConfig config) {
        List<BufferStep> out = new ArrayList<>();
        for (int i = 0; i <= config.capacity(); i++) {
            out.add(new BufferStep.Offer());
        }
        int half = (int) Math.max(1, config.timeout().toSeconds() / 2);
        out.add(new BufferStep.Tick(half));
        out.add(new BufferStep.Offer());
        out.add(new BufferStep.Tick((int) config.timeout().toSeconds() - half));
        return out;
    }

    private BufferStep next(SplittableRandom random) {
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
            case 0 -> new BufferStep.Offer();
            case 1 -> new BufferStep.Poll();
            case 2 -> new BufferStep.Restart();
            default -> new BufferStep.Tick(SECONDS[random.nextInt(SECONDS.length)]);
        };
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<BufferConfig> simpler(BufferConfig config) {
        List<BufferConfig> out = new ArrayList<>();
        if (config.capacity() > 3) {
            int high = config.alarmHigh() - (config.capacity() - 3);
            out.add(new BufferConfig(3, config.timeout(), high, Math.min(config.alarmLow(), high - 2)));
        }
        return out;
    }
}
