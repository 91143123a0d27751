package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.BroadcastCapabilities;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Connect;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Disconnect;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Publish;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Read;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Subscription;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Tick;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The broadcast's properties: who receives (connections coming and going, channels and patterns together),
 * how patterns match (generated globs with Redis's hard cases), and what a slow subscriber costs.
 */
public enum BroadcastProperty implements Property<BroadcastConfig, BroadcastStep, BroadcastCapabilities> {
    DELIVERY(
            "delivery",
            Map.of("a publish while a client is offline", 0.3, "a client matched by its channel and a pattern", 0.2)),
    PATTERNS("patterns", Map.of("'*' matching nothing", 0.2, "a class matching", 0.2, "an escape matching", 0.1)),
    SLOW(
            "slow-subscribers",
            Map.of(
                    "closed at the hard limit",
                    0.15,
                    "closed at the soft limit past its seconds",
                    0.15,
                    "a read while another client is at its soft limit",
                    0.3));

    /** A pattern's pieces, each with channel text it matches (an empty list: it matches nothing). */
    private record Piece(String glob, List<String> samples) {}

    private static final List<Piece> PIECES = List.of(
            new Piece("a", List.of("a")),
            new Piece("b", List.of("b")),
            new Piece(".", List.of(".")),
            new Piece("*", List.of("", "", "a", "ab", "*")),
            new Piece("*", List.of("", "", "a", "ab", "*")),
            new Piece("*", List.of("", "", "a", "ab", "*")),
            new Piece("?", List.of("a", "?", "]")),
            new Piece("[ab]", List.of("a", "b")),
            new Piece("[^a]", List.of("b", "^")),
            new Piece("[a-c]", List.of("b", "c")),
            new Piece("[c-a]", List.of("a")),
            new Piece("[!a]", List.of("!", "a")),
            new Piece("[\\]a]", List.of("]")),
            new Piece("[a-]", List.of("^", "_")),
            new Piece("[]", List.of()),
            new Piece("\\*", List.of("*")),
            new Piece("\\?", List.of("?")),
            new Piece("\\\\", List.of("\\")),
            new Piece("\\[", List.of("[")));

    private static final List<String> HARD_CHANNELS =
            List.of("", "a", "ab", "*", "?", "[", "]", "\\", "^", "!", "a.b", "b");

    private final String id;
    private final Map<String, Double> coverage;

    BroadcastProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "broadcast";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean appliesTo(BroadcastCapabilities capabilities) {
        return switch (this) {
            case DELIVERY -> true;
            case PATTERNS -> capabilities.patterns();
            case SLOW -> capabilities.bufferLimits();
        };
    }

    @Override
    public Scenario<BroadcastConfig, BroadcastStep> generate(long seed, BroadcastCapabilities capabilities) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BroadcastStep> steps = new ArrayList<>();
        return switch (this) {
            case DELIVERY -> new Scenario<>(new BroadcastConfig(0, 0, 0), delivery(random, steps));
            case PATTERNS -> new Scenario<>(new BroadcastConfig(0, 0, 0), patterns(random, steps));
            case SLOW -> {
                int soft = 8 + random.nextInt(5);
                BroadcastConfig config = new BroadcastConfig(soft * 3, soft, 1 + random.nextInt(3));
                yield new Scenario<>(config, slow(random, config, steps));
            }
        };
    }

    private static List<BroadcastStep> delivery(SplittableRandom random, List<BroadcastStep> steps) {
        String[] channels = {"news", "sport"};
        for (int episode = 1 + random.nextInt(3); episode > 0; episode--) {
            String c = "c" + (1 + random.nextInt(3));
            String channel = channels[random.nextInt(2)];
            steps.add(new Connect(c));
            steps.add(new Subscription(c, Verb.SUBSCRIBE, channel));
            switch (random.nextInt(3)) {
                case 0 -> { // offline: what is published while the client is away never reaches it
                    steps.add(new Disconnect(c));
                    steps.add(new Publish(channel, 4 + random.nextInt(4)));
                    steps.add(new Connect(c));
                    if (random.nextBoolean()) {
                        steps.add(new Subscription(c, Verb.SUBSCRIBE, channel));
                    }
                }
                case 1 -> { // a channel and a pattern that both match, the pattern dropped half the time
                    String pattern = random.nextBoolean() ? "*" : channel.charAt(0) + "*";
                    steps.add(new Subscription(c, Verb.PSUBSCRIBE, pattern));
                    steps.add(new Publish(channel, 4 + random.nextInt(4)));
                    if (random.nextBoolean()) {
                        steps.add(new Subscription(c, Verb.PUNSUBSCRIBE, pattern));
                        steps.add(new Publish(channel, 4 + random.nextInt(4)));
                    }
                }
                default -> { // another client comes and goes; one subscription of two is dropped
                    String other = "c" + (1 + random.nextInt(3));
                    String second = channels[channel.equals("news") ? 1 : 0];
                    steps.add(new Connect(other));
                    steps.add(new Subscription(other, Verb.values()[random.nextInt(4)], channels[random.nextInt(2)]));
                    steps.add(new Subscription(c, Verb.SUBSCRIBE, second));
                    steps.add(new Publish(channels[random.nextInt(2)], 4 + random.nextInt(4)));
                    if (random.nextBoolean()) {
                        steps.add(new Subscription(c, Verb.UNSUBSCRIBE, channel));
                        steps.add(new Publish(second, 4 + random.nextInt(4)));
                    }
                }
            }
            steps.add(new Publish(channels[random.nextInt(2)], 4 + random.nextInt(4)));
            steps.add(new Read(c, 1 + random.nextInt(3)));
        }
        return steps;
    }

    private static List<BroadcastStep> patterns(SplittableRandom random, List<BroadcastStep> steps) {
        List<List<Piece>> held = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String c = "c" + i;
            steps.add(new Connect(c));
            for (int n = 1 + random.nextInt(2); n > 0; n--) {
                List<Piece> pattern = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    pattern.add(PIECES.get(random.nextInt(PIECES.size())));
                }
                held.add(pattern);
                steps.add(new Subscription(c, Verb.PSUBSCRIBE, glob(pattern)));
            }
        }
        for (int n = 3 + random.nextInt(4); n > 0; n--) {
            String channel = random.nextInt(4) == 0
                    ? HARD_CHANNELS.get(random.nextInt(HARD_CHANNELS.size()))
                    : sample(held.get(random.nextInt(held.size())), random);
            steps.add(new Publish(channel, 4 + random.nextInt(3)));
            steps.add(new Read("c" + (1 + random.nextInt(2)), 1 + random.nextInt(3)));
        }
        return steps;
    }

    private static String glob(List<Piece> pieces) {
        StringBuilder glob = new StringBuilder();
        pieces.forEach(p -> glob.append(p.glob()));
        return glob.toString();
    }

    private static String sample(List<Piece> pieces, SplittableRandom random) {
        StringBuilder channel = new StringBuilder();
        for (Piece p : pieces) {
            channel.append(
                    p.samples().isEmpty()
                            ? "x"
                            : p.samples().get(random.nextInt(p.samples().size())));
        }
        return channel.toString();
    }

    private static List<BroadcastStep> slow(
            SplittableRandom random, BroadcastConfig config, List<BroadcastStep> steps) {
        for (String c : List.of("slow", "fast")) {
            steps.add(new Connect(c));
            steps.add(new Subscription(c, Verb.SUBSCRIBE, "feed"));
        }
        boolean hold = random.nextBoolean();
        int soft = (int) config.softLimitBytes();
        for (int n = 3 + random.nextInt(5); n > 0; n--) {
            steps.add(new Publish("feed", soft / 2 + random.nextInt(soft)));
            steps.add(new Read("fast", 1 + random.nextInt(3)));
            if (hold && random.nextBoolean()) {
                steps.add(new Tick((int) config.softSeconds() + random.nextInt(2)));
            }
            if (random.nextInt(6) == 0) {
                steps.add(new Read("slow", 1 + random.nextInt(2)));
            }
        }
        steps.add(new Read("slow", 1));
        return steps;
    }

    @Override
    public String doc() {
        return "docs/pub-sub/broadcast.md";
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<BroadcastConfig> simpler(BroadcastConfig config) {
        return List.of();
    }
}
