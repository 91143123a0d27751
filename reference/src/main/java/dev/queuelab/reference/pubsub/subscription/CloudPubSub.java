package dev.queuelab.reference.pubsub.subscription;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Topics and subscriptions in the style of Google Cloud Pub/Sub: pull, ack deadlines, ordering keys, dead-letter
 * topics, seek and snapshots.
 *
 * Teaches: a subscription is a durable cursor of its own: what one subscriber does (pull, ack, fail, go offline)
 * moves only its subscription, and a message waits for it until acked or until retention ends.
 * Invariants:
 *   SB1 a subscription gets every message published to its topic after it was created, and none before; it keeps
 *       each, whether its subscriber pulls or not, until acked or until its retention has passed since publish;
 *   SB2 a delivery is leased for the subscription's ack deadline: the message is not delivered again before the
 *       deadline and is deliverable again from it on (an expired deadline is a failure); an ack id is good only
 *       while its lease holds;
 *   SB3 modifyAckDeadline(s) moves the deadline to now + s; modifyAckDeadline(0) is a nack: a failure, the
 *       message deliverable again at once;
 *   SB4 with message ordering, each ordering key's messages are delivered in publish order, and a failure (nack or
 *       expired deadline) of one redelivers every later message of its key after it, acked or not;
 *   SB5 with a dead-letter policy, the failure that makes maxDeliveryAttempts failures publishes the message to the
 *       dead-letter topic and takes it out of the subscription; a delivery's attempt is 1 + its failures;
 *   SB6 a seek to a time marks each kept message published before it acked and each published at or after it
 *       unacked (an acked one only if acked messages are retained), ending every lease;
 *   SB7 a snapshot keeps the subscription's unacked set and counts every later publish unacked; a seek to it
 *       restores that state, ending every lease;
 *   SB8 subscriptions share nothing but the publish: no subscription's backlog, failures or seeks delay, lose
 *       or redeliver another's messages.
 * Thread-safety: every public method holds this service's monitor for its whole call.
 * Real world: Google Cloud Pub/Sub (https://cloud.google.com/pubsub/docs/subscription-overview). Stricter than
 * Pub/Sub (see docs/pub-sub/subscription.md): a pull returns every deliverable message it has room for, an
 * acked message is never delivered again unless a seek unacks it, delivery attempts are exact, and an ack
 * answers whether it took effect. Pub/Sub delivers at least once and redelivers on its own schedule.
 *
 * <p>Shape: each topic keeps its publishes and its subscriptions; each {@link Subscription} keeps its messages
 * in publish order with their state. Deadlines and retention are applied lazily at the start of every call,
 * for every subscription (no timers). Decisions are the {@link SubscriptionRules} it is given.
 */
public final class CloudPubSub implements PubSubService {

    /** What the reference supports: everything the contract has. */
    public static final SubscriptionCapabilities CAPABILITIES = SubscriptionCapabilities.ALL;

    private final InstantSource clock;
    private final SubscriptionRules rules;
    private final Map<String, List<Subscription>> topics = new LinkedHashMap<>();
    private final Map<String, List<Published>> history = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    private long publishes;
    private long deliveries;

    public CloudPubSub(InstantSource clock) {
        this(clock, SubscriptionRules.REFERENCE);
    }

    public CloudPubSub(InstantSource clock, SubscriptionRules rules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public synchronized void createTopic(String topic) {
        if (topics.containsKey(topic)) {
            throw new AlreadyExistsException("topic", topic);
        }
        topics.put(topic, new ArrayList<>());
        history.put(topic, new ArrayList<>());
    }

    @Override
    public synchronized void createSubscription(String subscription, SubscriptionConfig config) {
        Instant now = expireAll();
        List<Subscription> attached = topic(config.topic());
        if (subscriptions.containsKey(subscription)) {
            throw new AlreadyExistsException("subscription", subscription);
        }
        config.deadLetter().ifPresent(p -> topic(p.deadLetterTopic()));
        Subscription s = new Subscription(subscription, config, rules);
        if (rules.receivesEarlierMessages()) {
            history.get(config.topic()).forEach(s::accept);
            s.expire(now, (p, failures) -> {});
        }
        attached.add(s);
        subscriptions.put(subscription, s);
    }

    @Override
    public synchronized String publish(String topic, PubSubMessage message) {
        Instant now = expireAll();
        Objects.requireNonNull(message, "message");
        topic(topic);
        return publishAt(topic, message, now);
    }

    @Override
    public synchronized List<ReceivedMessage> pull(String subscription, int maxMessages) {
        if (maxMessages < 1 || maxMessages > PubSubFacts.MAX_PULL) {
            throw new OutOfRangeException("maxMessages", maxMessages, "1 to " + PubSubFacts.MAX_PULL);
        }
        Instant now = expireAll();
        return subscription(subscription).pull(maxMessages, now, () -> "ack-" + ++deliveries);
    }

    @Override
    public synchronized boolean acknowledge(String subscription, String ackId) {
        expireAll();
        return subscription(subscription).ack(ackId);
    }

    @Override
    public synchronized boolean modifyAckDeadline(String subscription, String ackId, int seconds) {
        long max = PubSubFacts.MAX_ACK_DEADLINE.toSeconds();
        if (seconds < 0 || seconds > max) {
            throw new OutOfRangeException("ackDeadlineSeconds", seconds, "0 (a nack) to " + max);
        }
        Instant now = expireAll();
        Subscription s = subscription(subscription);
        return s.modify(ackId, seconds, now, (p, failures) -> deadLetter(s, p, failures, now));
    }

    @Override
    public synchronized void seek(String subscription, Instant time) {
        expireAll();
        subscription(subscription).seek(Objects.requireNonNull(time, "time"));
    }

    @Override
    public synchronized void createSnapshot(String snapshot, String subscription) {
        expireAll();
        if (snapshots.containsKey(snapshot)) {
            throw new AlreadyExistsException("snapshot", snapshot);
        }
        snapshots.put(snapshot, subscription(subscription).snapshot(publishes));
    }

    @Override
    public synchronized void seekToSnapshot(String subscription, String snapshot) {
        expireAll();
        Snapshot snap = snapshots.get(snapshot);
        if (snap == null) {
            throw new NotFoundException("snapshot", snapshot);
        }
        if (!snap.subscription().equals(subscription)) {
            throw new IllegalArgumentException("snapshot '" + snapshot + "' was taken of subscription '"
                    + snap.subscription() + "': seek that subscription to it (here a snapshot serves its own)");
        }
        subscription(subscription).seek(snap);
    }

    /** SB1, SB2, SB5: every subscription's retention and deadlines, applied at the start of each call. */
    private Instant expireAll() {
        Instant now = clock.instant();
        for (Subscription s : subscriptions.values()) { // a dead letter publishes, but subscribes no one
            s.expire(now, (p, failures) -> deadLetter(s, p, failures, now));
        }
        return now;
    }

    /** SB1, SB8: the publish reaches every subscription attached now. */
    private String publishAt(String topic, PubSubMessage message, Instant now) {
        Published p = new Published(++publishes, "msg-" + publishes, message, now);
        if (rules.receivesEarlierMessages()) {
            history.get(topic).add(p); // kept only for the rules that hand a new subscription the past
        }
        for (Subscription s : topics.get(topic)) {
            s.accept(p);
            if (!rules.fanOutPast(s.backlog())) {
                break;
            }
        }
        return p.id();
    }

    /** SB5: a new publish on the dead-letter topic, carrying where it came from. */
    private void deadLetter(Subscription from, Published p, int failures, Instant now) {
        Map<String, String> attributes = new HashMap<>(p.message().attributes());
        attributes.put(DeadLetterPolicy.SOURCE_SUBSCRIPTION, from.name());
        attributes.put(DeadLetterPolicy.SOURCE_DELIVERY_COUNT, String.valueOf(failures));
        PubSubMessage copy = new PubSubMessage(p.message().data(), p.message().orderingKey(), attributes);
        publishAt(from.config().deadLetter().orElseThrow().deadLetterTopic(), copy, now);
    }

    private List<Subscription> topic(String topic) {
        List<Subscription> attached = topics.get(Objects.requireNonNull(topic, "topic"));
        if (attached == null) {
            throw new NotFoundException("topic", topic);
        }
        return attached;
    }

    private Subscription subscription(String name) {
        Subscription s = subscriptions.get(Objects.requireNonNull(name, "subscription"));
        if (s == null) {
            throw new NotFoundException("subscription", name);
        }
        return s;
    }
}
