package dev.queuelab.exercises.ex12_fanout;

import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Notification;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.PublishOutcome;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 12: fanout to durable subscriptions.
 *
 * Teaches: fanout makes one message many, one copy per subscription, and each copy is durable in the
 * subscription's own queue: a subscriber that is offline when the message is published gets it when it comes
 * back, a subscriber whose endpoint refuses loses only its own copy (to its dead-letter queue), and neither
 * slows or loses anyone else's. A filter policy decides, per subscription, which messages it wants at all.
 * Invariants: FO1 a publication goes to every subscription that exists and whose filter matches, once, into its
 *   queue, whether or not its consumer is up; one subscription refusing never stops another's delivery; FO3 a
 *   matching delivery the subscription refused goes to its dead-letter queue if it has one, and nothing else
 *   does; FO4 raw delivery hands the queue the body and the attributes as headers, otherwise the Notification
 *   envelope and no headers. The filter policies (FO2) and the subscriptions' queues are given.
 * Thread-safety: every public method is synchronized on the topic; each queue on itself.
 * Real world: an SNS standard topic with SQS subscriptions, raw delivery and a redrive policy.
 */
public class FanoutTopic implements Topic {

    /** Standard topics only: FIFO topics (groups and dedup across the fanout) are not in this exercise. */
    static final FanoutCapabilities CAPABILITIES = new FanoutCapabilities(false);

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

    private final TopicConfig config;
    private final InstantSource clock;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>(); // in the order they subscribed

    public FanoutTopic(TopicConfig config, InstantSource clock) {
        if (config.fifo()) {
            throw new IllegalArgumentException("this exercise's topic is a standard topic: FIFO topics are not in it");
        }
        this.config = config;
        this.clock = clock;
    }

    // ---- the fanout (this exercise) ----

    @Override
    public synchronized void subscribe(String subscription, SubscriptionConfig sub) {
        // Exercise 12: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 12: FanoutTopic.subscribe is not written yet; the task is in the README.md next to FanoutTopic.java");
    }

    @Override
    public synchronized PublishOutcome publish(Publication p) {
        // Exercise 12: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 12: FanoutTopic.publish is not written yet; the task is in the README.md next to FanoutTopic.java");
    }

    /** What the subscription's queue gets: the body and attributes as headers (raw), or the envelope. */
    private Message message(SubscriptionConfig sub, Publication p) {
        // Exercise 12: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 12: FanoutTopic.message is not written yet; the task is in the README.md next to FanoutTopic.java");
    }

    // ---- the rest of the topic (given) ----

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

    // ---- filter policies (given) ----

    /**
     * SNS's filter policy: one alternative with every property accepted by one of its conditions. A missing
     * property is accepted only by exists:false, and that only when the scope has some property.
     */
    private static boolean matches(FilterPolicy policy, Publication p) {
        Map<String, Value> scope = policy.scope() == FilterPolicy.Scope.MESSAGE_ATTRIBUTES ? p.attributes() : p.body();
        for (Map<String, List<Condition>> alternative : policy.alternatives()) {
            boolean all = true;
            for (Map.Entry<String, List<Condition>> property : alternative.entrySet()) {
                all &= accepts(property.getValue(), scope.get(property.getKey()), !scope.isEmpty());
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(List<Condition> conditions, Value v, boolean anyPresent) {
        for (Condition c : conditions) {
            if (c instanceof Condition.Exists e ? (e.present() ? v != null : v == null && anyPresent)
                    : v != null && test(c, v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean test(Condition c, Value v) {
        if (c instanceof Condition.Exact e) {
            return same(e.value(), v);
        } else if (c instanceof Condition.Prefix p) {
            return !v.number() && v.text().startsWith(p.prefix());
        } else if (c instanceof Condition.AnythingBut a) {
            return a.values().stream().noneMatch(x -> same(x, v));
        } else if (c instanceof Condition.Range r) {
            if (!v.number()) {
                return false;
            }
            int low = r.low() == null ? 1 : v.decimal().compareTo(r.low());
            int high = r.high() == null ? -1 : v.decimal().compareTo(r.high());
            return (low > 0 || (low == 0 && r.lowInclusive())) && (high < 0 || (high == 0 && r.highInclusive()));
        }
        return false;
    }

    private static boolean same(Value a, Value b) {
        return a.number() == b.number() && (a.number() ? a.decimal().compareTo(b.decimal()) == 0 : a.text().equals(b.text()));
    }

    // ---- each subscription's queue (given: exercise 1's work queue) ----

    /** A standard work queue: a receive hides a message until its deadline, only the latest receipt acks it. */
    private static final class SubscriptionQueue implements WorkQueue {
        private final WorkQueueConfig config;
        private final InstantSource clock;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private long deliveries;

        private static final class Entry {
            final Message message;
            final Instant sentAt;
            int receives;
            Receipt receipt;
            Instant hiddenUntil;

            Entry(Message message, Instant sentAt) {
                this.message = message;
                this.sentAt = sentAt;
            }

            boolean hidden(Instant now) {
                return hiddenUntil != null && now.isBefore(hiddenUntil);
            }
        }

        SubscriptionQueue(WorkQueueConfig config, InstantSource clock) {
            this.config = config;
            this.clock = clock;
        }

        @Override
        public synchronized SendOutcome send(Message message) {
            entries.putIfAbsent(message.id(), new Entry(message, clock.instant()));
            return SendOutcome.accepted(message.id());
        }

        @Override
        public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
            Instant now = clock.instant();
            List<Delivery> out = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (out.size() < max && !e.hidden(now)) {
                    e.receives++;
                    e.receipt = new Receipt(e.message.id(), ++deliveries);
                    e.hiddenUntil = now.plus(visibility);
                    out.add(new Delivery(e.message, e.receipt, e.receives));
                }
            }
            return out;
        }

        @Override
        public synchronized ReceiptOutcome ack(Receipt receipt) {
            Entry e = entries.get(receipt.messageId());
            if (e == null || !receipt.equals(e.receipt)) {
                return ReceiptOutcome.STALE;
            }
            entries.remove(receipt.messageId());
            return ReceiptOutcome.ACCEPTED;
        }

        @Override
        public ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
            throw new UnsupportedOperationException("a subscription's queue here does not change visibility");
        }

        @Override
        public List<Message> deadLetters() {
            return List.of();
        }

        @Override
        public int redrive() {
            return 0;
        }

        @Override
        public synchronized QueueStats stats() {
            Instant now = clock.instant();
            int inFlight = (int) entries.values().stream().filter(e -> e.hidden(now)).count();
            Duration oldest = entries.isEmpty()
                    ? Duration.ZERO
                    : Duration.between(entries.values().iterator().next().sentAt, now);
            return new QueueStats(entries.size() - inFlight, inFlight, 0, oldest);
        }

        @Override
        public WorkQueueConfig config() {
            return config;
        }

        @Override
        public WorkQueueCapabilities capabilities() {
            return new WorkQueueCapabilities(false, false);
        }
    }
}
