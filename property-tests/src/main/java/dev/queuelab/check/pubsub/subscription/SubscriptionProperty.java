package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.subscription.SubscriptionSetup.Spec;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Ack;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.ModifyDeadline;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Publish;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Pull;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.PullAndNack;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Seek;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.SeekSnapshot;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Subscribe;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.TakeSnapshot;
import dev.queuelab.check.pubsub.subscription.SubscriptionStep.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The subscriptions' properties: each weighs the steps toward one part of the contract and tilts generation toward
 * its rare situations with a template (a lease extended late, a later key-mate after a nack, five failures in a
 * row, a seek landing exactly on a publish). Every invariant is checked in every scenario.
 */
public enum SubscriptionProperty implements Property<SubscriptionSetup, SubscriptionStep, SubscriptionCapabilities> {
    /** SB1, SB2, SB3, SB8: no loss per subscription, deadlines, late subscriptions, one backlog beside another. */
    DELIVERY(
            "delivery",
            Map.of(
                    "a deadline expired and the message came again", 0.3,
                    "a lease held past its first deadline by an extension", 0.05,
                    "a late subscription pulled after earlier publishes", 0.15,
                    "a subscription pulled beside another's backlog of 3", 0.15,
                    "an unacked message dropped by retention", 0.02)),
    /** SB4: ordering keys, consistent redelivery after a nack or an expired deadline. */
    ORDERING("ordering", Map.of("a later key-mate came again after its key failed", 0.2)),
    /** SB5: max delivery attempts and the dead-letter topic. */
    DEAD_LETTERS(
            "dead-letters",
            Map.of("a message dead-lettered", 0.3, "a message with attributes of its own dead-lettered", 0.15)),
    /** SB6, SB7: seek to a time and to a snapshot, with and without retained acked messages. */
    SEEK(
            "seek",
            Map.of(
                    "a seek to a message's exact publish time", 0.2,
                    "a seek unacked an acked message", 0.2,
                    "a seek to a snapshot unacked an acked message", 0.1));

    private final String id;
    private final Map<String, Double> coverage;

    SubscriptionProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "subscription";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/pub-sub/subscription.md";
    }

    @Override
    public boolean appliesTo(SubscriptionCapabilities capabilities) {
        return switch (this) {
            case DELIVERY -> true;
            case ORDERING -> capabilities.ordering();
            case DEAD_LETTERS -> capabilities.deadLetters();
            case SEEK -> capabilities.seek();
        };
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<SubscriptionSetup> simpler(SubscriptionSetup setup) {
        return setup.simpler();
    }

    @Override
    public Scenario<SubscriptionSetup, SubscriptionStep> generate(long seed, SubscriptionCapabilities capabilities) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Spec> specs = new ArrayList<>();
        specs.add(spec("A", r));
        if (r.nextInt(10) < 6) {
            specs.add(spec("B", r));
        }
        if (this == DELIVERY && r.nextBoolean()) {
            specs.add(spec(SubscriptionSetup.LATE, r));
        }
        List<String> names = specs.stream().map(Spec::name).toList();
        List<SubscriptionStep> steps = new ArrayList<>();
        int n = 4 + r.nextInt(24);
        for (int i = 0; i < n; i++) {
            steps.add(step(r, names.get(r.nextInt(10) < 5 ? 0 : r.nextInt(names.size()))));
        }
        if (names.contains(SubscriptionSetup.LATE)) {
            steps.add(r.nextInt(steps.size() + 1), new Subscribe());
        }
        if (r.nextInt(10) < 4) {
            int kind = r.nextInt(3);
            if (this == DELIVERY && kind == 2) { // retention's end needs a subscription that keeps little
                Spec a = specs.get(0);
                specs.set(0, new Spec("A", a.ackDeadline(), a.ordering(), a.maxAttempts(), a.retainAcked(), 600));
            }
            steps.addAll(r.nextInt(steps.size() + 1), template(kind, r, specs));
        }
        return new Scenario<>(new SubscriptionSetup(specs), steps);
    }

    private Spec spec(String name, SplittableRandom r) {
        int deadline = new int[] {10, 10, 30, 60}[r.nextInt(4)];
        // dead letters meet ordering and seeks too: a redelivery that is no failure must not count as an attempt
        boolean ordering =
                this == ORDERING ? name.equals("A") || r.nextBoolean() : this == DEAD_LETTERS && r.nextInt(10) < 3;
        int attempts = this == DEAD_LETTERS
                ? name.equals("A") || r.nextBoolean() ? 5 + r.nextInt(2) : 0
                : this != DELIVERY && r.nextInt(10) < 3 ? 5 : 0;
        boolean retain = this == SEEK ? r.nextInt(10) < 7 : r.nextInt(10) < 2;
        int retention = r.nextInt(10) < 2 ? 600 : 604800;
        return new Spec(name, deadline, ordering, attempts, retain, retention);
    }

    /** One step, weighed by the property. */
    private SubscriptionStep step(SplittableRandom r, String sub) {
        int[] w = switch (this) { // publish, pull, ack, modify, tick, pull-and-nack, seek, snapshot, seek-snapshot
            case DELIVERY -> new int[] {25, 20, 15, 10, 20, 3, 0, 0, 0};
            case ORDERING -> new int[] {25, 20, 15, 15, 15, 5, 0, 0, 0};
            case DEAD_LETTERS -> new int[] {15, 10, 5, 10, 15, 35, 0, 0, 0};
            case SEEK -> new int[] {22, 15, 20, 6, 10, 0, 13, 7, 7};
        };
        int roll = r.nextInt(java.util.Arrays.stream(w).sum());
        int kind = 0;
        while (roll >= w[kind]) {
            roll -= w[kind++];
        }
        switch (kind) {
            case 0:
                // dead letters: every message carries an attribute of its own, which the copy must keep
                return new Publish(
                        this == ORDERING ? r.nextInt(10) < 8 ? 1 + r.nextInt(2) : 0 : r.nextInt(4) == 0 ? 1 : 0,
                        this == DEAD_LETTERS);
            case 1:
                return new Pull(sub, r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 10);
            case 2:
                return new Ack(sub, r.nextInt(3));
            case 3:
                return new ModifyDeadline(sub, r.nextInt(3), new int[] {0, 0, 10, 30, 60, 600}[r.nextInt(6)]);
            case 4:
                return new Tick(new int[] {1, 5, 10, 10, 30, 60, 300}[r.nextInt(7)]);
            case 5:
                return new PullAndNack(sub);
            case 6:
                return new Seek(sub, r.nextInt(5), new int[] {0, 0, 1, -1}[r.nextInt(4)]);
            case 7:
                return new TakeSnapshot(sub);
            default:
                return new SeekSnapshot(sub);
        }
    }

    /** A short run aimed at the property's rarest situation. */
    private List<SubscriptionStep> template(int kind, SplittableRandom r, List<Spec> specs) {
        Spec a = specs.get(0);
        String other = specs.get(specs.size() - 1).name();
        return switch (this) {
            case DELIVERY ->
                kind == 0
                        ? List.of(
                                new Publish(0),
                                new Pull("A", 10),
                                new Tick(5),
                                new ModifyDeadline("A", 0, a.ackDeadline()),
                                new Tick(a.ackDeadline() - 5),
                                new Pull("A", 10))
                        : kind == 1
                                ? List.of(
                                        new Publish(0),
                                        new Publish(0),
                                        new Publish(0),
                                        new Publish(0),
                                        new Pull(other, 10))
                                : List.of(
                                        new Publish(0),
                                        new Tick(300),
                                        new Publish(0),
                                        new Tick(300),
                                        new Pull("A", 10));
            case ORDERING ->
                r.nextBoolean()
                        ? List.of(
                                new Publish(1),
                                new Publish(1),
                                new Pull("A", 10),
                                new ModifyDeadline("A", 0, 0),
                                new Pull("A", 10))
                        : List.of(
                                new Publish(1),
                                new Pull("A", 1),
                                new Tick(5),
                                new Publish(1),
                                new Pull("A", 1),
                                new Tick(a.ackDeadline() - 5),
                                new Pull("A", 10));
            case DEAD_LETTERS ->
                List.of(
                        new Publish(0, true),
                        new PullAndNack("A"),
                        new PullAndNack("A"),
                        new PullAndNack("A"),
                        new PullAndNack("A"),
                        new PullAndNack("A"),
                        new PullAndNack("A"),
                        new Pull("A", 10));
            case SEEK ->
                r.nextBoolean()
                        ? List.of(
                                new Publish(0),
                                new Tick(1),
                                new Publish(0),
                                new Pull("A", 10),
                                new Ack("A", 0),
                                new Ack("A", 0),
                                new Seek("A", 1, 0),
                                new Pull("A", 10))
                        : List.of(
                                new Publish(0),
                                new Pull("A", 10),
                                new Ack("A", 0),
                                new TakeSnapshot("A"),
                                new Publish(0),
                                new Pull("A", 10),
                                new Ack("A", 0),
                                new SeekSnapshot("A"),
                                new Pull("A", 10));
        };
    }
}
