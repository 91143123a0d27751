package dev.queuelab.reference.semantics;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.log.KafkaLog;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A producer, a faulty network, a broker and consumers, wired so that every delivery semantic can be watched:
 * each call is one thing that happens (a publish, what the network does to the oldest request, a retry, a
 * receive, one stage of a consumer, a crash), and every side effect lands in an {@link EffectStore} outside.
 *
 * Teaches: the three delivery semantics are choices of the producer and the consumer, not of the broker:
 * Invariants:
 *   DL1 at-most-once (fire-and-forget, or ack before the effect): no idempotency key has two effects;
 *   DL2 at-least-once (retry until acknowledged, ack after the effect): every published key has an effect
 *       once the network heals and the consumers drain;
 *   DL3 an idempotent consumer (retry, and the key marked in the effect's own transaction) gives both, for as
 *       long as its dedupe store remembers the key: the TTL must exceed the redelivery window;
 *   DL4 every attempt of a message carries its idempotency key, unchanged by retries;
 *   DL5 a consumer that restarts on the log resumes from its group's committed offset;
 *   DL6 a read-process-write transaction on the log commits each input's output record once, as a
 *       read_committed reader sees it; an effect outside the log is in no transaction;
 *   DL7 on durable fanout each subscription gets its own copy of every message, and needs its own effect and
 *       its own dedupe key: DL1 to DL3 hold per subscription.
 * Thread-safety: not thread-safe: one simulation drives it from one thread.
 * Real world: any producer, SQS or Kafka, and a consumer calling a payment provider.
 */
public final class Pipeline {

    private final Producer producer;
    private final Channel<Broker.Request> channel = new Channel<>();
    private final Broker broker;
    private final Consumer.Mode consumerMode;
    private final EffectStore effects;
    private final Optional<? extends DedupeStore> dedupe;
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final boolean dedupePerSubscription;

    private Pipeline(
            Producer.Mode producerMode,
            Broker broker,
            Consumer.Mode consumerMode,
            EffectStore effects,
            Optional<? extends DedupeStore> dedupe) {
        this(producerMode, broker, consumerMode, effects, dedupe, true);
    }

    private Pipeline(
            Producer.Mode producerMode,
            Broker broker,
            Consumer.Mode consumerMode,
            EffectStore effects,
            Optional<? extends DedupeStore> dedupe,
            boolean dedupePerSubscription) {
        this.dedupePerSubscription = dedupePerSubscription;
        this.producer = new Producer(producerMode);
        this.broker = broker;
        this.consumerMode = consumerMode;
        this.effects = effects;
        this.dedupe = dedupe;
    }

    /** A pipeline over the reference work queue. */
    public static Pipeline onWorkQueue(
            WorkQueueConfig config,
            InstantSource clock,
            EffectStore effects,
            Producer.Mode producer,
            Consumer.Mode consumer,
            Optional<? extends DedupeStore> dedupe) {
        return new Pipeline(producer, new QueueBroker(new SqsWorkQueue(config, clock)), consumer, effects, dedupe);
    }

    /** A pipeline over the reference log: input partition 0, output partition 1, one consumer group. */
    public static Pipeline onLog(
            InstantSource clock,
            EffectStore effects,
            Producer.Mode producer,
            Consumer.Mode consumer,
            Optional<? extends DedupeStore> dedupe) {
        KafkaLog log = new KafkaLog( // its network reorders requests: the first sequence stays 0 (OneConnectionRules)
                LogConfig.of(2).withSessionTimeout(Duration.ofDays(1)), clock, OneConnectionRules.RULES);
        return new Pipeline(
                producer, new LogBroker(log, producer == Producer.Mode.IDEMPOTENT), consumer, effects, dedupe);
    }

    /**
     * A pipeline over durable fanout: a topic with two subscriptions, each a reference work queue with
     * {@code queue}'s settings. {@code dedupePerSubscription} keys the dedupe store by message and subscription
     * (right, DL7); false keys it by the message alone, so one subscription's mark hides the message from the
     * other's consumers.
     */
    public static Pipeline onFanout(
            WorkQueueConfig queue,
            InstantSource clock,
            EffectStore effects,
            Producer.Mode producer,
            Consumer.Mode consumer,
            Optional<? extends DedupeStore> dedupe,
            boolean dedupePerSubscription) {
        return new Pipeline(producer, new FanoutBroker(queue, clock), consumer, effects, dedupe, dedupePerSubscription);
    }

    /** The producer publishes a new message: its first attempt goes into the network. */
    public String publish(String key) {
        Broker.Request first = producer.publish(key);
        channel.send(first);
        return "sent " + describe(first);
    }

    /** The network does {@code fault} to the oldest request in flight. */
    public String transmit(Channel.Fault fault) {
        Optional<Broker.Request> taken = channel.take();
        if (taken.isEmpty()) {
            return "nothing in flight";
        }
        Broker.Request r = taken.get();
        switch (fault) {
            case DROP_REQUEST:
                return describe(r) + " lost on the way: the producer hears nothing";
            case DROP_ANSWER:
                return describe(r) + " " + broker.publish(r).text() + "; the answer is lost";
            case DUPLICATE: {
                if (producer.mode() == Producer.Mode.FIRE_AND_FORGET) {
                    Broker.Answer answer = broker.publish(r); // acks=0: nothing waits for an answer to resend
                    return describe(r) + " " + answer.text() + " (fire-and-forget: never retransmitted)";
                }
                Broker.Answer once = broker.publish(r);
                Broker.Answer twice = broker.publish(r);
                producer.answered(r, twice);
                return describe(r) + " arrives twice: " + once.text() + ", then " + twice.text();
            }
            default: {
                Broker.Answer answer = broker.publish(r);
                producer.answered(r, answer);
                return describe(r) + " " + answer.text();
            }
        }
    }

    /** The oldest request in flight is held back behind the others. */
    public String delay() {
        return channel.delay() ? "oldest request held back" : "nothing to hold back";
    }

    /** The two oldest requests in flight swap places. */
    public String reorder() {
        return channel.reorder() ? "two oldest requests swapped" : "nothing to swap";
    }

    /** The producer's timer fires: it sends again what is unacknowledged (fire-and-forget sends nothing). */
    public String retry() {
        var again = producer.retry();
        again.forEach(channel::send);
        return again.isEmpty()
                ? "nothing to retry"
                : "sent again "
                        + String.join(
                                ", ", again.stream().map(Pipeline::describe).toList());
    }

    public String receive(String consumer) {
        return consumer(consumer).receive();
    }

    public String advance(String consumer) {
        return consumer(consumer).advance();
    }

    public String crash(String consumer) {
        return consumer(consumer).crash();
    }

    /** The stage a consumer would carry out next, or empty when it holds nothing. */
    public Optional<String> nextStage(String consumer) {
        return consumer(consumer).nextStage();
    }

    public int inFlight() {
        return channel.size();
    }

    public int unacknowledged() {
        return producer.unacknowledged();
    }

    /** The output a read_committed reader sees on the log, or empty on a work queue. */
    public Optional<List<String>> committedOutput() {
        return broker instanceof LogBroker log ? Optional.of(log.committedOutput()) : Optional.empty();
    }

    /** Keys the dedupe store forgot for room (DD3), or 0 without one. */
    public long dedupeEvictions() {
        return dedupe.map(DedupeStore::evictions).orElse(0L);
    }

    public EffectStore effects() {
        return effects;
    }

    private Consumer consumer(String name) {
        return consumers.computeIfAbsent(
                name,
                n -> broker instanceof FanoutBroker f
                        ? new Consumer(
                                n, consumerMode, broker, effects, dedupe, f.subscriptionOf(n), dedupePerSubscription)
                        : new Consumer(n, consumerMode, broker, effects, dedupe));
    }

    /** The consumers a drain runs until nothing comes: C1, and on fanout one per subscription. */
    public List<String> drainers() {
        return broker instanceof FanoutBroker f ? f.drainers() : List.of("C1");
    }

    private static String describe(Broker.Request r) {
        return r.key() + (r.attempt() > 1 ? " (attempt " + r.attempt() + ")" : "");
    }
}
