package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The work queue's properties: each generates scenarios aimed at one part of the contract, and demands
 * that its scenarios reach the situations that part is about (a check that never produces a redelivery
 * proves nothing about redeliveries). Every invariant is checked in every property.
 */
public enum WorkQueueProperty implements Property<WorkQueueConfig, WorkQueueStep, WorkQueueCapabilities> {

    /** Competing consumers and acks: receives hide messages, acks delete them, stale receipts change nothing. */
    ACKS(
            "acks",
            new Weights(30, 32, 26, 0, 4, 8, 0, 6),
            Map.of(
                    "competing: two consumers hold messages at once",
                    0.3,
                    "receipt: stale one refused",
                    0.02,
                    "redelivered after its deadline",
                    0.1,
                    "receipt: id reused after an ack",
                    0.1,
                    "ack batch: a stale receipt in a batch",
                    0.01,
                    "ack batch: a receipt repeated in a batch",
                    0.01,
                    "id: reuse refused while waiting",
                    0.1,
                    "id: reuse refused while in flight",
                    0.1,
                    "dedup: id ignored on a standard queue",
                    0.2,
                    "send without an answer",
                    0.1)) {
        @Override
        WorkQueueConfig config(SplittableRandom random) {
            return WorkQueueConfig.standardQueue().withVisibilityTimeout(seconds(random, 10, 30));
        }
    },

    /** Acks, visibility timeouts, extensions, crashes and stale receipts on a standard queue. */
    VISIBILITY(
            "visibility",
            new Weights(20, 26, 20, 8, 6, 20, 0, 6),
            Map.of(
                    "redelivered after its deadline",
                    0.3,
                    "receipt: stale one refused",
                    0.05,
                    "visibility: extended",
                    0.1,
                    "visibility: extended late, counted from the change",
                    0.05,
                    "visibility: given back",
                    0.05,
                    "redelivered after a crash",
                    0.05)) {
        @Override
        WorkQueueConfig config(SplittableRandom random) {
            WorkQueueConfig c = WorkQueueConfig.standardQueue().withVisibilityTimeout(seconds(random, 5, 10, 30));
            return random.nextInt(3) == 0 ? c.withMaxReceives(3 + random.nextInt(4)) : c;
        }
    },

    /** Receive counts, the dead-letter queue after maxReceives, and redrive, on standard and FIFO queues. */
    DEAD_LETTERS(
            "dead-letters",
            new Weights(14, 32, 6, 3, 8, 30, 8, 8),
            Map.of(
                    "dead letters: moved",
                    0.3,
                    "dead letters: redriven",
                    0.1,
                    "receipt: stale one from before a redrive refused",
                    0.01,
                    "dead letters: ack between a redrive and the next receive",
                    0.1,
                    "id: reuse refused while dead-lettered",
                    0.05)) {
        @Override
        WorkQueueConfig config(SplittableRandom random) {
            WorkQueueConfig c = WorkQueueConfig.standardQueue()
                    .withVisibilityTimeout(seconds(random, 5, 10))
                    .withMaxReceives(1 + random.nextInt(4));
            return random.nextInt(4) == 0 ? c.withFifo(true) : c;
        }

        @Override
        public boolean appliesTo(WorkQueueCapabilities capabilities) {
            return capabilities.deadLetters();
        }
    },

    /** FIFO: message groups in send order, one receive at a time per group, the deduplication window, redrive. */
    FIFO(
            "fifo",
            new Weights(30, 25, 20, 3, 4, 18, 4, 6),
            Map.ofEntries(
                    Map.entry("fifo: group held back by its message in flight", 0.3),
                    Map.entry("dedup: duplicate refused", 0.15),
                    Map.entry("dedup: id free again after its window", 0.05),
                    Map.entry("dedup: free after the first send's window, though a retry came inside it", 0.002),
                    Map.entry("dead letters: moved", 0.05),
                    Map.entry("fifo: redriven message delivered in its group", 0.01),
                    Map.entry("fifo: send without a group refused, with a dedup id", 0.1),
                    Map.entry("fifo: redrive into a group with a message in flight", 0.02),
                    Map.entry("dedup: a retry answered duplicate while the first is waiting", 0.05),
                    Map.entry("dedup: a retry answered duplicate while the first is in flight", 0.05),
                    Map.entry("dedup: a retry answered duplicate while the first is acked", 0.05),
                    Map.entry("dedup: a retry answered duplicate while the first is dead-lettered", 0.01))) {
        @Override
        WorkQueueConfig config(SplittableRandom random) {
            WorkQueueConfig c = WorkQueueConfig.fifoQueue()
                    .withVisibilityTimeout(seconds(random, 5, 10, 30))
                    .withDedupWindow(
                            random.nextInt(8) == 0 ? Duration.ofMillis(1_500) : seconds(random, 10, 10, 30, 60, 300));
            return random.nextInt(2) == 0 ? c.withMaxReceives(1 + random.nextInt(3)) : c;
        }

        @Override
        public boolean appliesTo(WorkQueueCapabilities capabilities) {
            return capabilities.fifo();
        }
    };

    /** Relative weights of the step kinds a scenario is made of. */
    record Weights(
            int send, int receive, int ack, int changeVisibility, int crash, int tick, int redrive, int observe) {
        int total() {
            return send + receive + ack + changeVisibility + crash + tick + redrive + observe;
        }
    }

    static final int MAX_STEPS = 40;

    private final String id;
    private final Weights weights;
    private final Map<String, Double> coverage;

    WorkQueueProperty(String id, Weights weights, Map<String, Double> coverage) {
        this.id = id;
        this.weights = weights;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "work-queue";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/work-queue.md";
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    abstract WorkQueueConfig config(SplittableRandom random);

    @Override
    public boolean appliesTo(WorkQueueCapabilities capabilities) {
        return true;
    }

    public static WorkQueueProperty byId(String id) {
        for (WorkQueueProperty p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "no work-queue property '" + id + "': use one of acks, visibility, dead-letters, fifo");
    }

    /** A scenario from one seed: the same seed always gives the same scenario. */
    public Scenario<WorkQueueConfig, WorkQueueStep> generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WorkQueueConfig config = config(random);
        int length = 4 + random.nextInt(MAX_STEPS - 3);
        List<WorkQueueStep> steps = new ArrayList<>(length);
        List<List<WorkQueueStep>> templates = Templates.of(this, config);
        if (!templates.isEmpty() && random.nextInt(3) == 0) { // a rare situation on purpose, not by luck
            steps.addAll(templates.get(random.nextInt(templates.size())));
        }
        while (steps.size() < length) {
            steps.add(step(random, config));
        }
        return new Scenario<>(config, steps);
    }

    /**
     * The scenario of {@link #generate(long)}, fitted to what an implementation supports: a queue without a
     * dead-letter queue (an early exercise) gets no redrive policy and no redrive steps, one without FIFO a
     * standard queue. The random draws are
     * the same either way, so a seed names the same story on every implementation.
     */
    @Override
    public Scenario<WorkQueueConfig, WorkQueueStep> generate(long seed, WorkQueueCapabilities capabilities) {
        Scenario<WorkQueueConfig, WorkQueueStep> scenario = generate(seed);
        WorkQueueConfig config = scenario.config();
        List<WorkQueueStep> steps = scenario.steps();
        if (!capabilities.fifo()) {
            config = config.withFifo(false);
        }
        if (!capabilities.deadLetters()) {
            config = config.withoutRedrive();
            steps = steps.stream()
                    .filter(s -> !(s instanceof WorkQueueStep.Redrive))
                    .toList();
        }
        return new Scenario<>(config, steps);
    }

    private WorkQueueStep step(SplittableRandom random, WorkQueueConfig config) {
        String consumer = WorkQueueStep.CONSUMERS.get(random.nextInt(WorkQueueStep.CONSUMERS.size()));
        int pick = random.nextInt(weights.total());
        if ((pick -= weights.send) < 0) {
            int group = config.fifo() ? 1 + random.nextInt(3) : 0;
            int dedup = random.nextInt(5) < 2 ? 1 + random.nextInt(2) : 0; // a standard queue must ignore it
            int producer = random.nextInt(16); // one draw: which id, and whether a FIFO producer forgets the group
            WorkQueueStep.Id id = producer % 4 == 0
                    ? WorkQueueStep.Id.ACKED
                    : producer == 2 || producer == 10
                            ? WorkQueueStep.Id.HELD
                            : producer % 8 == 3 ? WorkQueueStep.Id.RETRY : WorkQueueStep.Id.FRESH;
            // producer 13 (one send in 16) never hears the answer: the send's outcome is unknown to the model
            return new WorkQueueStep.Send(group, dedup, id, config.fifo() && producer % 8 == 1, producer == 13);
        }
        if ((pick -= weights.receive) < 0) {
            int visibility = random.nextInt(4) == 0
                    ? List.of(0, 1_500, 5_000, 10_000, 30_000).get(random.nextInt(5))
                    : -1;
            int max = random.nextInt(3) == 0 ? 1 + random.nextInt(WorkQueueConfig.MAX_BATCH) : 1; // up to SQS's 10
            return new WorkQueueStep.Receive(consumer, max, visibility);
        }
        if ((pick -= weights.ack) < 0) {
            if (random.nextInt(4) != 0) {
                return new WorkQueueStep.Ack(consumer, random.nextInt(3));
            }
            int count =
                    random.nextInt(6) == 0 ? WorkQueueConfig.MAX_BATCH - 1 + random.nextInt(3) : 2 + random.nextInt(3);
            return new WorkQueueStep.AckBatch(consumer, count, random.nextInt(3) == 0); // 11: past SQS's limit, refused
        }
        if ((pick -= weights.changeVisibility) < 0) {
            return new WorkQueueStep.ChangeVisibility(
                    consumer, random.nextInt(2), List.of(0, 10, 30, 60).get(random.nextInt(4)));
        }
        if ((pick -= weights.crash) < 0) {
            return new WorkQueueStep.Crash(consumer, random.nextBoolean());
        }
        if ((pick -= weights.tick) < 0) {
            if (config.fifo() && random.nextInt(3) == 0) {
                // half a dedup window: a retry inside the window, then a send after the first send's window
                return new WorkQueueStep.Tick(
                        Math.max(1, (int) config.dedupWindow().toSeconds() / 2));
            }
            List<Integer> ticks = config.fifo() ? Ticks.STEPS : Ticks.STEPS.subList(0, 4);
            return new WorkQueueStep.Tick(ticks.get(random.nextInt(ticks.size())));
        }
        if ((pick -= weights.redrive) < 0) {
            return new WorkQueueStep.Redrive();
        }
        return new WorkQueueStep.Observe();
    }

    /** Simpler configurations, simplest first: fewer receives before the DLQ, shorter timeouts and windows. */
    @Override
    public List<WorkQueueConfig> simpler(WorkQueueConfig c) {
        List<WorkQueueConfig> out = new ArrayList<>();
        if (c.redrive().isPresent()) {
            out.add(c.withoutRedrive());
            for (int m = 1; m < c.maxReceives(); m++) {
                out.add(c.withMaxReceives(m));
            }
        }
        if (c.fifo()) {
            out.add(c.withFifo(false));
        }
        for (int s : Ticks.smallerThan((int) c.visibilityTimeout().toSeconds())) {
            out.add(c.withVisibilityTimeout(Duration.ofSeconds(s)));
        }
        for (int s : Ticks.smallerThan((int) c.dedupWindow().toSeconds())) {
            out.add(c.withDedupWindow(Duration.ofSeconds(s)));
        }
        return out;
    }

    private static Duration seconds(SplittableRandom random, int... choices) {
        return Duration.ofSeconds(choices[random.nextInt(choices.length)]);
    }
}
