package dev.queuelab.reference.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.Notification;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.PublishOutcome;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A topic in the style of SNS whose subscriptions are SQS queues: {@link SqsWorkQueue}s, composed.
 *
 * <p>Teaches: fanout makes one message many, one per subscription, each durable in its own queue: an offline
 * consumer loses nothing, a failing endpoint costs only its own subscription, and FIFO order and deduplication
 * hold across the fanout. Invariants:
 *   FO1 a publication accepted goes to every subscription that exists and whose filter matches, once, into its
 *       queue, whether or not its consumer is up; one subscription refusing never stops another's delivery;
 *   FO2 a filter policy matches as SNS's ({@link FilterMatcher}): a missing property only by exists:false;
 *   FO3 a matching delivery the subscription's queue refused goes to its dead-letter queue (if it has one), and
 *       nothing else does: not a filtered-out message, not one the queue took;
 *   FO4 raw delivery hands the queue the body and the attributes as headers; otherwise the queue gets the
 *       {@link Notification} envelope and no headers;
 *   FO5 FIFO: a publication whose dedup id (or, with content-based dedup, body digest) was accepted less than
 *       the window ago is answered DUPLICATE with the original's id and delivered nowhere, whichever
 *       subscriptions exist now;
 *   FO6 FIFO: each subscription's queue gets a group's messages in publish order, with the group and dedup id.
 * Thread-safety: every public method holds this object's monitor; each queue is itself thread-safe.
 * Real world: an SNS standard or FIFO topic with SQS subscriptions, raw delivery, subscription filter policies
 * and a subscription redrive policy. Simpler than SNS (see docs/pub-sub/fanout.md): a refused delivery goes to
 * the dead-letter queue at once, as SNS does for client-side errors (no retries); a standard topic delivers
 * exactly once and in order here (SNS's standard topics are at-least-once, unordered); filters apply at once
 * (SNS: up to 15 minutes after a change).
 */
public final class SnsTopic implements Topic {

    private final TopicConfig config;
    private final InstantSource clock;
    private final FanoutRules rules;
    private final BiFunction<WorkQueueConfig, InstantSource, WorkQueue> queues;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Accepted> dedup = new HashMap<>();

    private record Accepted(String id, Instant at) {}

    private static final class Subscription {
        final SubscriptionConfig config;
        final WorkQueue queue;
        final List<Message> deadLetters = new ArrayList<>();
        boolean refusing;

        Subscription(SubscriptionConfig config, WorkQueue queue) {
            this.config = config;
            this.queue = queue;
        }
    }

    public SnsTopic(TopicConfig config, InstantSource clock) {
        this(config, clock, FanoutRules.SNS, SqsWorkQueue::new);
    }

    public SnsTopic(
            TopicConfig config,
            InstantSource clock,
            FanoutRules rules,
            BiFunction<WorkQueueConfig, InstantSource, WorkQueue> queues) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.queues = Objects.requireNonNull(queues, "queues");
    }

    @Override
    public synchronized void subscribe(String subscription, SubscriptionConfig sub) {
        if (subscriptions.containsKey(subscription)) {
            throw new IllegalArgumentException("subscription '" + subscription + "' exists: give each its own name");
        }
        if (sub.queue().fifo() != config.fifo()) {
            throw new IllegalArgumentException(
                    "subscription '" + subscription + "': a " + (config.fifo() ? "FIFO" : "standard")
                            + " topic delivers only to " + (config.fifo() ? "FIFO" : "standard") + " queues");
        }
        subscriptions.put(subscription, new Subscription(sub, queues.apply(sub.queue(), clock)));
    }

    @Override
    public synchronized PublishOutcome publish(Publication p) {
        String dedupId = null;
        if (config.fifo()) {
            if (p.groupId() == null) {
                throw new IllegalArgumentException(
                        "publication " + p.id() + " has no group id: a FIFO topic needs one");
            }
            dedupId = p.dedupId() != null ? p.dedupId() : contentDedup(p);
            if (rules.dedupsAtTopic()) {
                Instant now = clock.instant();
                Accepted first = dedup.get(dedupId);
                if (first != null && now.isBefore(first.at().plus(config.dedupWindow()))) {
                    return PublishOutcome.duplicateOf(first.id());
                }
                dedup.put(dedupId, new Accepted(p.id(), now));
            }
        }
        Message[] made = new Message[2]; // raw and enveloped, each made once per publish, not per subscription
        for (Subscription s : subscriptions.values()) {
            if (s.config.filter().isPresent()
                    && !rules.matches(s.config.filter().get(), p)) {
                continue;
            }
            Message m = message(s.config, p, dedupId, made);
            if (s.refusing) {
                if (s.config.deadLetterQueue()) {
                    s.deadLetters.add(m);
                }
                if (!rules.continuesPastRefusal()) {
                    break;
                }
            } else {
                s.queue.send(m);
            }
        }
        return PublishOutcome.accepted(p.id());
    }

    private String contentDedup(Publication p) {
        if (!config.contentBasedDedup()) {
            throw new IllegalArgumentException(
                    "publication " + p.id() + " has no dedup id: give one, or make the topic deduplicate by content");
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(p.message().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** FO4: the message a subscription's queue gets: one per delivery form, shared by every queue that takes it. */
    private Message message(SubscriptionConfig sub, Publication p, String dedupId, Message[] made) {
        int i = sub.raw() ? 0 : 1;
        if (made[i] == null) {
            Map<String, String> headers = new HashMap<>();
            if (sub.raw()) {
                p.attributes().forEach((k, v) -> headers.put(k, v.text()));
            }
            String payload = sub.raw() ? p.message() : Notification.envelope(config.name(), p);
            made[i] = new Message(p.id(), config.fifo() ? p.groupId() : null, dedupId, payload, headers);
        }
        return made[i];
    }

    @Override
    public synchronized WorkQueue queue(String subscription) {
        return existing(subscription).queue;
    }

    @Override
    public synchronized void refuse(String subscription, boolean refusing) {
        existing(subscription).refusing = refusing;
    }

    @Override
    public synchronized List<Message> deadLetters(String subscription) {
        return List.copyOf(existing(subscription).deadLetters);
    }

    @Override
    public TopicConfig config() {
        return config;
    }

    private Subscription existing(String subscription) {
        Subscription s = subscriptions.get(subscription);
        if (s == null) {
            throw new IllegalArgumentException("no subscription '" + subscription + "': subscribe it first");
        }
        return s;
    }
}
