package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.fanout.FanoutStep.Consume;
import dev.queuelab.check.pubsub.fanout.FanoutStep.Publish;
import dev.queuelab.check.pubsub.fanout.FanoutStep.Refuse;
import dev.queuelab.check.pubsub.fanout.FanoutStep.Subscribe;
import dev.queuelab.check.pubsub.fanout.FanoutStep.Tick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The fanout's properties: no loss per subscription (consumers up or down, queues refusing, subscriptions
 * coming late), filter policies over generated attributes and bodies, and FIFO order and dedup across the fanout.
 */
public enum FanoutProperty implements Property<TopicConfig, FanoutStep, FanoutCapabilities> {
    DELIVERY(
            "delivery",
            Map.of(
                    "a subscription made after a publication", 0.3,
                    "a dead letter", 0.3,
                    "a delivery after another subscription refused", 0.2)),
    FILTERS(
            "filters",
            Map.of(
                    "exists:false on a missing key", 0.2,
                    "anything-but on a missing key", 0.2,
                    "a number on a range's bound", 0.1,
                    "$or matched by a later alternative", 0.05,
                    "a body filter matching", 0.1,
                    "a string spelling the number an exact condition names", 0.15,
                    "a number whose digits start with a prefix", 0.15)),
    FIFO(
            "fifo",
            Map.of(
                    "a duplicate inside the window", 0.3,
                    "a dedup id reused after its window", 0.1,
                    "a dedup id reused after its window but inside a duplicate's", 0.15,
                    "a duplicate after a new subscription", 0.1));

    private final String id;
    private final Map<String, Double> coverage;

    FanoutProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "fanout";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(FanoutCapabilities capabilities) {
        return switch (this) {
            case DELIVERY, FILTERS -> true;
            case FIFO -> capabilities.fifo();
        };
    }

    @Override
    public Scenario<TopicConfig, FanoutStep> generate(long seed, FanoutCapabilities capabilities) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FanoutStep> steps = new ArrayList<>();
        return switch (this) {
            case DELIVERY -> new Scenario<>(TopicConfig.standard("orders"), delivery(random, steps));
            case FILTERS -> new Scenario<>(TopicConfig.standard("orders"), filters(random, steps));
            case FIFO -> {
                TopicConfig config = TopicConfig.fifo("orders.fifo", random.nextBoolean());
                yield new Scenario<>(config, fifo(random, config, steps));
            }
        };
    }

    private static List<FanoutStep> delivery(SplittableRandom random, List<FanoutStep> steps) {
        int subs = 2 + random.nextInt(2);
        for (int i = 1; i <= subs; i++) {
            boolean late = i > 1 && random.nextInt(3) == 0;
            if (late) {
                steps.add(publish(random, false, false));
            }
            Optional<FilterPolicy> filter = random.nextInt(3) == 0 ? Optional.of(policy(random)) : Optional.empty();
            steps.add(new Subscribe(
                    "s" + i,
                    new SubscriptionConfig(
                            filter, random.nextBoolean(), random.nextBoolean(), WorkQueueConfig.standardQueue())));
        }
        for (int n = 3 + random.nextInt(5); n > 0; n--) {
            String s = "s" + (1 + random.nextInt(subs));
            switch (random.nextInt(5)) {
                case 0 -> steps.add(new Refuse(s, true));
                case 1 -> steps.add(new Refuse(s, false));
                case 2 -> steps.add(new Consume(s, 1 + random.nextInt(3)));
                default -> steps.add(publish(random, false, false));
            }
        }
        steps.add(publish(random, false, false));
        return steps;
    }

    private static List<FanoutStep> filters(SplittableRandom random, List<FanoutStep> steps) {
        int subs = 2 + random.nextInt(2);
        for (int i = 1; i <= subs; i++) {
            steps.add(new Subscribe(
                    "s" + i,
                    new SubscriptionConfig(Optional.of(policy(random)), true, false, WorkQueueConfig.standardQueue())));
        }
        for (int n = 3 + random.nextInt(5); n > 0; n--) {
            steps.add(publish(random, false, false));
        }
        textMeetsNumber(random, subs + 1, steps);
        return steps;
    }

    /**
     * Where text and numbers meet, which the small domain above seldom reaches: a string that spells the number
     * an exact condition names ("5" against 5), or a number whose digits start with a prefix (12 against "1").
     * SNS matches neither: a number is not a string, and prefixes are for strings only.
     */
    private static void textMeetsNumber(SplittableRandom random, int sub, List<FanoutStep> steps) {
        int kind = random.nextInt(4);
        if (kind > 1) {
            return;
        }
        int n = kind == 0 ? 5 : 10 + random.nextInt(10);
        Condition condition = kind == 0 ? Condition.exact(n) : Condition.prefix("1");
        Value value = kind == 0 ? Value.string(Integer.toString(n)) : Value.number(n);
        boolean body = random.nextInt(4) == 0;
        FilterPolicy.Scope scope = body ? FilterPolicy.Scope.MESSAGE_BODY : FilterPolicy.Scope.MESSAGE_ATTRIBUTES;
        FilterPolicy policy = new FilterPolicy(scope, List.of(Map.of("size", List.of(condition))));
        steps.add(new Subscribe(
                "s" + sub, new SubscriptionConfig(Optional.of(policy), true, false, WorkQueueConfig.standardQueue())));
        Map<String, Value> props = Map.of("size", value);
        steps.add(new Publish(body ? Map.of() : props, body ? props : Map.of(), null, null));
    }

    /**
     * Episodes of a publication and a retry of it: inside the window or past it, a subscription between; or a
     * retry inside the window and another past the first's window but inside the retry's, which must be accepted
     * (the window runs from the first acceptance; a duplicate does not restart it).
     */
    private static List<FanoutStep> fifo(SplittableRandom random, TopicConfig config, List<FanoutStep> steps) {
        boolean byContent = config.contentBasedDedup();
        SubscriptionConfig sub =
                new SubscriptionConfig(Optional.empty(), random.nextBoolean(), false, WorkQueueConfig.fifoQueue());
        steps.add(new Subscribe("s1", sub));
        boolean second = false;
        for (int episode = 2 + random.nextInt(2); episode > 0; episode--) {
            Publish first = publish(random, true, byContent);
            steps.add(first);
            if (!second && random.nextInt(3) == 0) {
                second = true;
                steps.add(new Subscribe("s2", sub));
            }
            if (random.nextInt(4) == 0) {
                int window = (int) config.dedupWindow().toSeconds();
                int before = 1 + random.nextInt(window - 1);
                steps.add(new Tick(before));
                steps.add(first);
                steps.add(new Tick(window - before + random.nextInt(before)));
                steps.add(first);
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> steps.add(new Tick(1 + random.nextInt(60)));
                case 1 -> steps.add(new Tick(300 + random.nextInt(30)));
                default -> steps.add(publish(random, true, byContent));
            }
            steps.add(
                    random.nextBoolean()
                            ? first
                            : new Publish(first.attributes(), first.body(), "g" + random.nextInt(2), first.dedupId()));
            if (random.nextBoolean()) {
                steps.add(new Consume(random.nextBoolean() || !second ? "s1" : "s2", 1 + random.nextInt(3)));
            }
        }
        return steps;
    }

    /** A publication from a small domain, so that filters meet their edges and FIFO dedup ids collide. */
    private static Publish publish(SplittableRandom random, boolean fifo, boolean byContent) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        Map<String, Value> body = new LinkedHashMap<>();
        for (Map<String, Value> m : List.of(attributes, body)) {
            if (random.nextBoolean()) {
                m.put(
                        "color",
                        Value.string(List.of("red", "blue", "black", "green").get(random.nextInt(4))));
            }
            if (random.nextBoolean()) {
                m.put("size", Value.number(random.nextInt(10)));
            }
            if (random.nextInt(3) == 0) {
                m.put("store", Value.string("s" + random.nextInt(2)));
            }
        }
        if (!fifo) {
            return new Publish(attributes, body, null, null);
        }
        String dedup = byContent && random.nextInt(3) > 0 ? null : "d" + random.nextInt(3);
        return new Publish(Map.of(), Map.of("n", Value.number(random.nextInt(3))), "g" + random.nextInt(2), dedup);
    }

    private static FilterPolicy policy(SplittableRandom random) {
        FilterPolicy.Scope scope =
                random.nextInt(4) == 0 ? FilterPolicy.Scope.MESSAGE_BODY : FilterPolicy.Scope.MESSAGE_ATTRIBUTES;
        List<Map<String, List<Condition>>> alternatives = new ArrayList<>();
        for (int a = random.nextInt(4) == 0 ? 2 : 1; a > 0; a--) {
            Map<String, List<Condition>> alternative = new LinkedHashMap<>();
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                String key = List.of("color", "size", "store").get(random.nextInt(3));
                List<Condition> conditions = new ArrayList<>();
                for (int c = 1 + random.nextInt(2); c > 0; c--) {
                    conditions.add(condition(key, random));
                }
                alternative.put(key, conditions);
            }
            alternatives.add(alternative);
        }
        return new FilterPolicy(scope, alternatives);
    }

    private static Condition condition(String key, SplittableRandom random) {
        return switch (key) {
            case "color" ->
                List.of(
                                Condition.exact("red"),
                                Condition.prefix("bl"),
                                Condition.anythingBut(Value.string("red")),
                                Condition.exists(true),
                                Condition.exists(false))
                        .get(random.nextInt(5));
            case "size" ->
                List.of(
                                Condition.exact(5),
                                Condition.between(0, false, 5, true),
                                Condition.between(3, true, 8, false),
                                Condition.anythingBut(Value.number(5)),
                                Condition.exists(false))
                        .get(random.nextInt(5));
            default ->
                List.of(Condition.exists(true), Condition.exists(false), Condition.exact("s1"))
                        .get(random.nextInt(3));
        };
    }

    @Override
    public String doc() {
        return "docs/pub-sub/fanout.md";
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<TopicConfig> simpler(TopicConfig config) {
        return List.of();
    }
}
