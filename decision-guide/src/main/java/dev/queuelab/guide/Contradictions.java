package dev.queuelab.guide;

import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers that contradict each other, or a risk the answers imply. Each warning has a stable id, so a
 * review can refer to it and a re-run can show it gone.
 */
final class Contradictions {

    /** The facts each warning rests on, for the ADR's sources. */
    private static final Map<String, List<String>> FACTS = Map.of(
            "global-order-beyond-one-lane", List.of("kafka.ordering", "sqs-fifo.throughput"),
            "payload-over-queue-limit", List.of("sqs.max-message-size"),
            "retention-beyond-queue-limit", List.of("sqs.retention"),
            "visibility-beyond-limit", List.of("sqs.visibility-timeout"),
            "exactly-once-with-external-effects", List.of("kafka.transactions"));

    private Contradictions() {
    }

    static List<String> facts(String warningId) {
        return FACTS.getOrDefault(warningId, List.of());
    }

    static List<Warning> find(Answers a, String topology, Failure failure) {
        Answers.Context c = a.context();
        List<Warning> w = new ArrayList<>();
        boolean sync = a.sync().equals("sync");
        if (sync && a.shape().equals("broadcast")) {
            w.add(new Warning("sync-broadcast", "A caller that waits for the answer cannot also broadcast to every "
                    + "subscriber: whose answer does it wait for? Split the call (sync) from the event (async)."));
        }
        if (sync && a.replay()) {
            w.add(new Warning("sync-replay", "Replay is a property of stored events, and a synchronous call stores none: "
                    + "record the calls as events (async) if they must be replayed."));
        }
        if (a.ordering().equals("global") && c.throughputPerSecond() > 300) {
            w.add(new Warning("global-order-beyond-one-lane", "Global ordering at " + c.throughputPerSecond()
                    + " msg/s: one partition or one message group is one consumer, and SQS FIFO takes 300 calls/s per action."
                    + " Ask whether per-key ordering is enough."));
        }
        if (a.semantic().equals("exactly-once") && c.sideEffects().equals("external")) {
            w.add(new Warning("exactly-once-with-external-effects", "Exactly-once with effects outside the system is "
                    + "impossible without idempotency: build at-least-once with an idempotent consumer and an idempotency key "
                    + "sent to the external system."));
        }
        if (a.semantic().equals("at-most-once") && a.failure().maxAttempts() > 1) {
            w.add(new Warning("at-most-once-with-retries", "At-most-once forbids retries, yet max-attempts is "
                    + a.failure().maxAttempts() + ": choose at-least-once, or accept one attempt."));
        }
        if (a.semantic().equals("at-most-once") && a.failure().poisonExpected()) {
            w.add(new Warning("at-most-once-poison", "Poison messages are expected, but at-most-once drops failures instead"
                    + " of dead-lettering them: nothing will be left to inspect."));
        }
        if (a.replay() && c.retentionDays() == 0) {
            w.add(new Warning("replay-without-retention", "Replay is needed but retention-days is 0: set how far back "
                    + "consumers must be able to go."));
        }
        if (a.replay() && a.semantic().equals("at-most-once") && a.shape().equals("broadcast")) {
            w.add(new Warning("replay-with-ephemeral", "Replay rules out ephemeral pub/sub: an at-most-once broadcast keeps "
                    + "nothing to replay, so the guide chose a log."));
        }
        if (a.shape().equals("broadcast") && c.subscribers() <= 1) {
            w.add(new Warning("broadcast-one-subscriber", "Broadcast with one subscriber is a work queue until a second "
                    + "one arrives: fine if more are planned."));
        }
        if (a.shape().equals("distribute") && c.subscribers() > 1) {
            w.add(new Warning("distribute-many-subscribers", c.subscribers() + " independent subscribers each need every "
                    + "message: that is broadcast, with a work queue per subscriber behind it."));
        }
        if (c.payloadKb() > 1024 && !topology.equals("none")) {
            w.add(new Warning("payload-over-queue-limit", "Payloads of " + c.payloadKb() + " KiB exceed SQS's 1 MiB: store "
                    + "the body in object storage and send a reference (claim check)."));
        }
        if (!a.replay() && c.retentionDays() > 14 && !topology.equals("none")) {
            w.add(new Warning("retention-beyond-queue-limit", "Keeping messages " + c.retentionDays() + " days is a log's "
                    + "job: SQS keeps at most 14. If you need them later, you need replay."));
        }
        if (failure.visibilityTimeoutSeconds() != null && failure.visibilityTimeoutSeconds() >= 43_200) {
            w.add(new Warning("visibility-beyond-limit", "The processing time needs a visibility timeout beyond 12 h, "
                    + "the most a queue allows: split the job, or extend the timeout while it runs (a heartbeat)."));
        }
        if (!a.ordering().equals("none") && a.failure().poisonExpected() && !topology.equals("none")) {
            w.add(new Warning("poison-blocks-key", "Ordered delivery with poison messages: a failing message holds back "
                    + "every later message of its key until it is dead-lettered. Keep max-receive-count low."));
        }
        if (c.consumerRuntime().equals("function") && topology.equals("partitioned-log") && a.ordering().equals("none")
                && c.throughputPerSecond() > 10_000) {
            w.add(new Warning("functions-on-a-busy-log", "Serverless consumers on a busy log run one invocation per shard "
                    + "batch: check that the partition count gives them enough parallelism."));
        }
        return w;
    }
}
