package dev.queuelab.exercises.ex13_ordering_keys;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.pubsub.subscription.AlreadyExistsException;
import dev.queuelab.api.pubsub.subscription.DeadLetterPolicy;
import dev.queuelab.api.pubsub.subscription.NotFoundException;
import dev.queuelab.api.pubsub.subscription.PubSubFacts;
import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.PubSubService;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise 13: ordering keys with redelivery.
 *
 * Teaches: a subscription with message ordering delivers each ordering key's messages in publish order, and
 * keeps that order through failures: when a delivery fails (a nack, or its ack deadline passes), every later
 * message of its key is delivered again after it, even one already acked, so a subscriber never sees a key's
 * message 3 without having just seen 2 again. Messages without a key, and other keys, are not held back.
 * Invariants: SB2 a delivery is leased until its deadline and deliverable again from it (an expired deadline is a
 *   failure); SB3 modifyAckDeadline(0) is a nack, a failure; SB4 with message ordering, each key's messages are
 *   delivered in publish order, and a failure of one redelivers every later message of its key after it, acked
 *   or not; SB5 the failure that makes maxDeliveryAttempts failures dead-letters the message. Topics,
 *   subscriptions, acks, retention and the dead-letter topic are given; seek and snapshots are not in it.
 * Thread-safety: every public method is synchronized on the service.
 * Real world: Google Cloud Pub/Sub's ordering keys and their redelivery
 * (https://cloud.google.com/pubsub/docs/ordering).
 */
public class OrderedSubscriptions implements PubSubService {

    /** Ordering keys and dead-letter topics; seek and snapshots are not in this exercise. */
    static final SubscriptionCapabilities CAPABILITIES = new SubscriptionCapabilities(true, true, false);

    private enum State { PENDING, OUTSTANDING, ACKED }

    /** A message as the topic accepted it: {@code seq} orders every publish, even in one instant. */
    private record Published(long seq, String id, PubSubMessage message, Instant publishTime) {}

    /** One message on one subscription: its state, its failures so far, and while leased its lease. */
    private static final class Entry {
        final Published published;
        State state = State.PENDING;
        int failures;
        String ackId;
        Instant deadline;

        Entry(Published published) {
            this.published = published;
        }

        String key() {
            return published.message().orderingKey();
        }
    }

    private static final class Subscription {
        final String name;
        final SubscriptionConfig config;
        final TreeMap<Long, Entry> entries = new TreeMap<>(); // by publish order
        final Map<String, Entry> leases = new HashMap<>();   // by ack id

        Subscription(String name, SubscriptionConfig config) {
            this.name = name;
            this.config = config;
        }
    }

    private final InstantSource clock;
    private final Map<String, List<Subscription>> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private long publishes;
    private long deliveries;

    public OrderedSubscriptions(InstantSource clock) {
        this.clock = clock;
    }

    // ---- delivery in order, and redelivery after a failure (this exercise) ----

    /** Up to {@code max} pending messages of the subscription in publish order, each leased until its deadline. */
    private List<ReceivedMessage> pull(Subscription s, int max, Instant now) {
        // Exercise 13: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 13: OrderedSubscriptions.pull is not written yet; the task is in the README.md next to OrderedSubscriptions.java");
    }

    /** Fails every lease whose deadline has come, earliest deadline first (then publish order). */
    private void expireLeases(Subscription s, Instant now) {
        // Exercise 13: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 13: OrderedSubscriptions.expireLeases is not written yet; the task is in the README.md next to OrderedSubscriptions.java");
    }

    /** A nack or an expired deadline: pending again (or dead-lettered), and its key's later messages after it. */
    private void fail(Subscription s, Entry e, Instant now) {
        // Exercise 13: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 13: OrderedSubscriptions.fail is not written yet; the task is in the README.md next to OrderedSubscriptions.java");
    }

    // ---- leases (given) ----

    /** Ends a delivery's lease: its ack id is good no more. */
    private static void revoke(Subscription s, Entry e) {
        if (e.ackId != null) {
            s.leases.remove(e.ackId);
            e.ackId = null;
            if (e.state == State.OUTSTANDING) {
                e.state = State.PENDING;
            }
        }
    }

    /** Time's work at the start of every call: retention drops messages, then deadlines expire. */
    private Instant expireAll() {
        Instant now = clock.instant();
        for (Subscription s : List.copyOf(subscriptions.values())) {
            s.entries.values().removeIf(e -> {
                boolean gone = !now.isBefore(e.published.publishTime().plus(s.config.messageRetention()));
                if (gone) {
                    revoke(s, e);
                }
                return gone;
            });
            expireLeases(s, now);
        }
        return now;
    }

    /** SB5: a new publish on the dead-letter topic, carrying where it came from and how often it failed. */
    private void deadLetter(Subscription from, Entry e, Instant now) {
        PubSubMessage m = e.published.message();
        Map<String, String> attributes = new HashMap<>(m.attributes());
        attributes.put(DeadLetterPolicy.SOURCE_SUBSCRIPTION, from.name);
        attributes.put(DeadLetterPolicy.SOURCE_DELIVERY_COUNT, String.valueOf(e.failures));
        publishAt(from.config.deadLetter().orElseThrow().deadLetterTopic(),
                new PubSubMessage(m.data(), m.orderingKey(), attributes), now);
    }

    // ---- topics, subscriptions, publish and acks (given) ----

    @Override
    public synchronized void createTopic(String topic) {
        if (topics.containsKey(topic)) {
            throw new AlreadyExistsException("topic", topic);
        }
        topics.put(topic, new ArrayList<>());
    }

    @Override
    public synchronized void createSubscription(String subscription, SubscriptionConfig config) {
        expireAll();
        List<Subscription> attached = topic(config.topic());
        if (subscriptions.containsKey(subscription)) {
            throw new AlreadyExistsException("subscription", subscription);
        }
        config.deadLetter().ifPresent(p -> topic(p.deadLetterTopic()));
        Subscription s = new Subscription(subscription, config); // starts empty: nothing published before it
        attached.add(s);
        subscriptions.put(subscription, s);
    }

    @Override
    public synchronized String publish(String topic, PubSubMessage message) {
        Instant now = expireAll();
        topic(topic);
        return publishAt(topic, message, now);
    }

    private String publishAt(String topic, PubSubMessage message, Instant now) {
        Published p = new Published(++publishes, "msg-" + publishes, message, now);
        for (Subscription s : topics.get(topic)) {
            s.entries.put(p.seq(), new Entry(p));
        }
        return p.id();
    }

    @Override
    public synchronized List<ReceivedMessage> pull(String subscription, int maxMessages) {
        if (maxMessages < 1 || maxMessages > PubSubFacts.MAX_PULL) {
            throw new OutOfRangeException("maxMessages", maxMessages, "1 to " + PubSubFacts.MAX_PULL);
        }
        Instant now = expireAll();
        return pull(subscription(subscription), maxMessages, now);
    }

    @Override
    public synchronized boolean acknowledge(String subscription, String ackId) {
        expireAll();
        Entry e = subscription(subscription).leases.remove(ackId);
        if (e == null) {
            return false;
        }
        e.state = State.ACKED;
        e.ackId = null;
        return true;
    }

    @Override
    public synchronized boolean modifyAckDeadline(String subscription, String ackId, int seconds) {
        long max = PubSubFacts.MAX_ACK_DEADLINE.toSeconds();
        if (seconds < 0 || seconds > max) {
            throw new OutOfRangeException("ackDeadlineSeconds", seconds, "0 (a nack) to " + max);
        }
        Instant now = expireAll();
        Subscription s = subscription(subscription);
        Entry e = s.leases.get(ackId);
        if (e == null) {
            return false;
        }
        if (seconds == 0) {
            fail(s, e, now);
        } else {
            e.deadline = now.plusSeconds(seconds);
        }
        return true;
    }

    @Override
    public void seek(String subscription, Instant time) {
        throw new UnsupportedOperationException("seek is not in exercise 13: read CloudPubSub for it");
    }

    @Override
    public void createSnapshot(String snapshot, String subscription) {
        throw new UnsupportedOperationException("snapshots are not in exercise 13: read CloudPubSub for them");
    }

    @Override
    public void seekToSnapshot(String subscription, String snapshot) {
        throw new UnsupportedOperationException("snapshots are not in exercise 13: read CloudPubSub for them");
    }

    private List<Subscription> topic(String topic) {
        List<Subscription> attached = topics.get(topic);
        if (attached == null) {
            throw new NotFoundException("topic", topic);
        }
        return attached;
    }

    private Subscription subscription(String name) {
        Subscription s = subscriptions.get(name);
        if (s == null) {
            throw new NotFoundException("subscription", name);
        }
        return s;
    }
}
