package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers that contradict each other, or a risk the answers imply. Each warning has a stable id, so a
 * review can refer to it and a re-run can show it gone. Limits of the chosen product are not here: they are
 * {@link Feasibility} checks, computed against the product's profile.
 */
final class Contradictions {

    /** The facts each warning rests on, for the ADR's sources. */
    private static final Map<String, List<String>> FACTS = Map.of(
            "exactly-once-with-external-effects", List.of("kafka.transactions"),
            "poison-blocks-key", List.of("pubsub.ordering"));

    private Contradictions() {}

    static List<String> facts(String warningId) {
        return FACTS.getOrDefault(warningId, List.of());
    }

    static List<Warning> find(Situation s) {
        Answers a = s.a();
        Answers.Context c = a.context();
        List<Warning> w = new ArrayList<>();
        boolean sync = !a.async();
        if (sync && a.broadcast()) {
            w.add(
                    new Warning(
                            "sync-broadcast",
                            "A caller that waits for the answer cannot also broadcast to every "
                                    + "subscriber: whose answer does it wait for? Split the call (sync) from the event (async)."));
        }
        if (sync && a.replay()) {
            w.add(new Warning(
                    "sync-replay",
                    "Replay is a property of stored events, and a synchronous call stores none: "
                            + "record the calls as events (async) if they must be replayed."));
        }
        if (a.semantic() == Semantic.EXACTLY_ONCE && c.sideEffects() == Answers.SideEffects.EXTERNAL) {
            w.add(new Warning(
                    "exactly-once-with-external-effects",
                    "Exactly-once with effects outside the system is "
                            + "impossible without idempotency: build at-least-once with an idempotent consumer and an idempotency key "
                            + "sent to the external system."));
        }
        if (c.producerKind() == Answers.ProducerKind.CDC && a.async() && a.ordering() == Answers.Ordering.NONE) {
            w.add(
                    new Warning(
                            "cdc-without-key-order",
                            "Change data capture without an order: two changes of one row applied out of order leave the"
                                    + " older value standing. Answer ordering: per-key, with the row's primary key as the key."));
        }
        if (c.producerKind() == Answers.ProducerKind.CDC && a.producer() == Answers.Producer.DB_THEN_PUBLISH) {
            w.add(new Warning(
                    "cdc-and-dual-write",
                    "A CDC connector publishes from the database's log, so the application does not publish after"
                            + " its write: answer producer: publish-only, or drop the application's publish."));
        }
        if (a.semantic() == Semantic.AT_MOST_ONCE && a.failure().maxAttempts() > 1) {
            w.add(new Warning(
                    "at-most-once-with-retries",
                    "At-most-once forbids retries, yet max-attempts is "
                            + a.failure().maxAttempts() + ": choose at-least-once, or accept one attempt."));
        }
        if (a.semantic() == Semantic.AT_MOST_ONCE && a.failure().poisonExpected()) {
            w.add(new Warning(
                    "at-most-once-poison",
                    "Poison messages are expected, but at-most-once drops failures instead"
                            + " of dead-lettering them: nothing will be left to inspect."));
        }
        if (a.async() && a.replay() && c.retentionDays() == 0) {
            w.add(new Warning(
                    "replay-without-retention",
                    "Replay is needed but retention-days is 0: set how far back "
                            + "consumers must be able to go (the product's default retention applies until then)."));
        }
        if (a.async() && a.replay() && a.semantic() == Semantic.AT_MOST_ONCE && a.broadcast()) {
            w.add(new Warning(
                    "replay-with-ephemeral",
                    "Replay rules out ephemeral pub/sub: an at-most-once broadcast keeps "
                            + "nothing to replay, so the guide chose a log."));
        }
        if (a.broadcast() && c.subscribers() <= 1) {
            w.add(new Warning(
                    "broadcast-one-subscriber",
                    "Broadcast with one subscriber is a work queue until a second "
                            + "one arrives: fine if more are planned."));
        }
        if (!a.broadcast() && c.subscribers() > 1) {
            w.add(new Warning(
                    "distribute-many-subscribers",
                    c.subscribers() + " independent subscribers each need every "
                            + "message: that is broadcast, with a work queue per subscriber behind it."));
        }
        if (a.ordered() && a.failure().poisonExpected() && s.queued()) {
            w.add(new Warning(
                    "poison-blocks-key",
                    "Ordered delivery with poison messages: a failing message holds back "
                            + "every later message of its key until it is dead-lettered (which breaks the key's order) or the "
                            + (s.product().vocabulary().laneUnit().equals("none")
                                    ? "key"
                                    : s.product().vocabulary().laneUnit())
                            + " "
                            + "is halted. Keep the delivery count low and alarm on the dead letter."));
        }
        if (c.consumerRuntime() == Answers.Runtime.FUNCTION
                && s.product().partitioned()
                && !a.ordered()
                && c.throughputPerSecond() > s.smallLog()) {
            w.add(new Warning(
                    "functions-on-a-busy-log",
                    "Serverless consumers on a busy log run one invocation per shard "
                            + "batch: check that the partition count gives them enough parallelism."));
        }
        if (c.platform() == Answers.Platform.ANY && s.product().onAws()) {
            // "any" with a low appetite for operations asks for a managed service, and the guide needs a cloud
            w.add(new Warning(
                    "platform-any-took-aws",
                    "The platform was answered 'any', so the guide took AWS for a managed service ("
                            + s.product().brand()
                            + "): answer 'platform' with the cloud you run on (gcp, azure) or self-hosted to get"
                            + " its product instead."));
        }
        return w;
    }
}
