package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Amazon SQS and what delivers into it: a standard or FIFO queue, SNS topics with a queue per subscriber, and
 * EventBridge rules targeting queues. Visibility timeouts renewed with ChangeMessageVisibility, a redrive policy to
 * a dead-letter queue, fair queues for tenants, FIFO deduplication, batches and high-throughput mode.
 */
final class SqsRules implements ProductRules {

    static final SqsRules INSTANCE = new SqsRules();

    private SqsRules() {}

    private static boolean fifo(Product p) {
        return p == Product.SQS_FIFO || p == Product.SNS_FIFO_SQS_FIFO;
    }

    @Override
    public String home(Product p) {
        return "aws";
    }

    @Override
    public String renewCall(Design d) {
        return "ChangeMessageVisibility with the receipt handle";
    }

    @Override
    public String producerKey(Design d, String base) {
        return base + ", in a message attribute: "
                + "SQS gives every send a new MessageId, so a producer's retry would not be caught";
    }

    /** A standard queue with a message group id on every message is a fair queue (no order implied). */
    @Override
    public Setting fairness(Design d) {
        Product p = d.s.product();
        if (p != Product.SQS_STANDARD && p != Product.SNS_SQS) {
            return ProductRules.super.fairness(d);
        }
        d.facts.add("sqs.fair-queues");
        return new Setting(
                "MessageGroupId (fair queues)",
                "the tenant id on every send: a standard queue whose messages carry a message group id is a"
                        + " fair queue, so one tenant's backlog does not hold back the others' messages (no"
                        + " order is implied); alarm on the noisy tenant's dwell time",
                null,
                null,
                null,
                "sqs.fair-queues");
    }

    /**
     * A standard SQS queue's dead letter keeps its original enqueue time, so it expires from the dead-letter
     * queue as early as it would have from its source: the source must keep messages less long.
     */
    @Override
    public boolean keepsEnqueueTime(Design d) {
        return !fifo(d.s.product()) && d.s.deadLetters();
    }

    @Override
    public String deadLetterRetentionNote(Design d) {
        d.facts.add("sqs.dead-letter-retention");
        return fifo(d.s.product())
                ? "; a FIFO queue's message gets a new enqueue time when dead-lettered, so the dead letter's own "
                        + "retention counts from the move"
                : "; a standard queue's message keeps its original enqueue "
                        + "time when dead-lettered, so a dead letter's retention must be longer than its source's";
    }

    @Override
    public String deadLetterKept(Design d) {
        Profile.Range r = d.profile().retentionSeconds();
        if (r.max() == null) {
            return ProductRules.super.deadLetterKept(d);
        }
        boolean fifo = fifo(d.s.product());
        if (fifo) {
            d.facts.add("sqs-fifo.dead-letter");
        }
        return (fifo ? "a FIFO queue itself (a FIFO queue's dead-letter queue must be FIFO), " : "") + "retention "
                + Numbers.seconds(r.max()) + " (its maximum: longer than the source's)";
    }

    /** Only an SNS topic's size is raised: a queue's is its maximum already. */
    @Override
    public Setting payloadSetting(Design d) {
        return ProductRules.raisedSize(d, "MaximumMessageSize");
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        if (fifo(s.product())) {
            facts.add("sqs-fifo.dedup-interval");
            out.add(new Setting(
                    "MessageDeduplicationId",
                    "the outbox row id (or the event's own id) on every send, so a "
                            + "producer's retry within the deduplication interval is dropped; or ContentBasedDeduplication: true "
                            + "where equal bodies are the same event",
                    null,
                    null,
                    null,
                    "sqs-fifo.dedup-interval"));
        }
        if (d.needsBatches()) {
            String id = s.product().laneFact;
            out.add(new Setting(
                    Design.BATCHING,
                    "SendMessageBatch, ReceiveMessage with MaxNumberOfMessages="
                            + Numbers.plain(fact(id, "messages-per-batch")) + " and DeleteMessageBatch: the one "
                            + d.laneWord() + " lives in one partition, which takes "
                            + Numbers.plain(d.profile().laneUnbatchedRecordsPerSecond())
                            + " calls a second per action; the group's next batch is handed out only once this one"
                            + " is deleted, so the receive and delete round trip counts against the 1 / p99 pace",
                    null,
                    null,
                    null,
                    id));
        }
        if (highThroughputMode(d)) {
            facts.add("sqs-fifo.throughput");
            out.add(new Setting(
                    "high-throughput mode",
                    "FifoThroughputLimit=perMessageGroupId, DeduplicationScope=messageGroup: "
                            + Numbers.plain(s.a().context().throughputPerSecond())
                            + " msg/s is above the "
                            + Numbers.plain(fact("sqs-fifo.throughput", "transactions-per-second"))
                            + " calls a second per action (SendMessage, ReceiveMessage, DeleteMessage) a FIFO"
                            + " queue takes without it; send and delete in batches too (SendMessageBatch,"
                            + " DeleteMessageBatch), so the outbox relay is not throttled",
                    null,
                    null,
                    null,
                    "sqs-fifo.throughput"));
        }
        return out;
    }

    @Override
    public List<Check> payloadChecks(Design d) {
        Situation s = d.s;
        Profile p = d.profile();
        Answers.Context c = s.a().context();
        List<Check> out = new ArrayList<>();
        if (s.product().sns() && s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
            double cap = fact("sns.max-message-size", "large-topic-max-subscriptions");
            String detail = "a topic raised above " + Numbers.bytes(p.maxPayloadBytes()) + " allows at most "
                    + Numbers.plain(cap) + " subscriptions (SQS, Lambda or Firehose); " + c.subscribers()
                    + " are needed";
            detail += "; " + Capacity.percent(c.subscribers(), cap) + " used";
            out.add(
                    c.subscribers() <= cap
                            ? Check.ok("sns-large-message-subscriptions", detail)
                            : new Check(
                                    "sns-large-message-subscriptions",
                                    Status.FAIL,
                                    detail,
                                    "claim check, so the topic keeps its default size and its subscription limit"));
        }
        return out;
    }

    @Override
    public List<Check> checks(Design d, Sizing sizing) {
        Situation s = d.s;
        List<Check> out = new ArrayList<>();
        if (s.product() == Product.SNS_FIFO_SQS_FIFO) {
            out.add(ProductRules.subscriptionLimit(
                    d,
                    "sns.fifo-subscriptions",
                    "max-count",
                    "an SNS FIFO topic",
                    "two or more FIFO topics of at most %s subscriptions each, the key hashed to a topic; or a"
                            + " standard topic, if each subscriber can restore the order from a sequence number"));
        }
        Check parked = parkedRetries(d);
        if (parked != null) {
            out.add(parked);
        }
        return out;
    }

    /**
     * A retry that waits by ChangeMessageVisibility stays in flight while it waits: while the endpoint is down,
     * every message received waits out its whole backoff invisible, so a queue holds rate x the retry horizon in
     * flight, against the queue's in-flight quota. Checked for standard queues, whose every message can fail at once;
     * a FIFO queue's group waits with one batch in flight.
     */
    private static Check parkedRetries(Design d) {
        Situation s = d.s;
        if (s.product() == Product.SQS_FIFO || s.product() == Product.SNS_FIFO_SQS_FIFO) {
            return null;
        }
        RetryModel retry = d.retry(d.failure());
        if (retry == null || retry.attempts() <= 1 || retry.horizon() <= 0) {
            return null;
        }
        d.facts.add("sqs.in-flight");
        double limit = fact("sqs.in-flight", "max-count");
        double parked = s.a().context().throughputPerSecond() * retry.horizon();
        double allowed = limit / fact("guide.headroom", "factor");
        String detail = "while the endpoint is down every message waits out its backoff in flight: "
                + Numbers.perSecond(s.a().context().throughputPerSecond()) + " x the retry horizon of "
                + Numbers.duration(retry.horizon()) + " = " + Numbers.plain(Math.ceil(parked)) + " of "
                + Numbers.plain(limit) + " (sqs.in-flight), " + Capacity.percent(parked, limit) + " used";
        if (parked <= allowed) {
            return Check.ok("parked-retries", detail);
        }
        return new Check(
                "parked-retries",
                Status.WARN,
                detail + "; past it a standard queue answers OverLimit and receives stop for every message",
                "stop receiving while the endpoint is down (a circuit breaker that pauses the consumers), and past"
                        + " 15 minutes of backoff delete the message and send a copy with DelaySeconds (at most 900 s)"
                        + " or park it in a scheduler (EventBridge Scheduler) or a retry table; ask AWS to raise the"
                        + " in-flight quota only as a last resort");
    }

    /**
     * An SQS FIFO queue carrying more messages than its unbatched calls allow, across many groups: without
     * high-throughput mode every action is throttled at the queue's quota. A global order is one group, which
     * the mode does not help: batches do ({@link #needsBatches}).
     */
    static boolean highThroughputMode(Design d) {
        return fifo(d.s.product())
                && d.a().ordering() != Ordering.GLOBAL
                && d.a().context().throughputPerSecond() > fact("sqs-fifo.throughput", "transactions-per-second");
    }
}
