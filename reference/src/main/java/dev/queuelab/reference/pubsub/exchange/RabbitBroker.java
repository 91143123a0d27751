package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A broker with exchanges, queues and consumers, as RabbitMQ has it.
 *
 * <p>Teaches: the publisher names an exchange, never a queue; bindings decide which queues get a copy, and
 * each queue then lives on its own: a slow, failing or absent consumer of one queue holds up no other.
 * Invariants (with those of {@link Exchanges}, {@link TopicTrie}, {@link BrokerQueue}, {@link Channels}, {@link DeadLetters}):
 *   EX1 a publish is enqueued on exactly the queues its exchange's bindings match, followed through
 *       exchange-to-exchange bindings, each queue once; an exchange whose bindings match nothing hands the
 *       message to its alternate exchange;
 *   EX4 a publish is acked only once it is enqueued on every queue it routes to, nacked when any refused it
 *       (reject-publish), and acked when it routes nowhere (rabbitmq.com/docs/confirms);
 *   EX5 a mandatory publish is returned exactly when it routes to no queue, alternate exchanges included;
 *   EX12 a quorum queue counts each return of a message (requeue or a closed channel) in x-delivery-count
 *       and dead-letters it (reason delivery_limit) once the count passes x-delivery-limit;
 *   EX13 a queue with x-expires and no consumer for that long is deleted with its messages, and its bindings.
 * Stricter than RabbitMQ: requeue is always to the original position (RabbitMQ: "if possible"); an unknown
 * delivery tag settles nothing (RabbitMQ closes the channel, 406 PRECONDITION_FAILED). Looser: no default
 * exchange, no basic.get, no cancel without closing the channel.
 * Thread-safety: every public method holds the broker's monitor.
 * Real world: RabbitMQ 4.x over AMQP 0-9-1, classic and quorum queues, publisher confirms.
 */
public final class RabbitBroker implements Broker {

    public static final ExchangeCapabilities CAPABILITIES = ExchangeCapabilities.ALL;

    private final InstantSource clock;
    private final BrokerRules rules;
    private final DeadLetters deadLetters;
    private final Channels channels;
    private final Exchanges exchanges;
    private final QueueTable queues = new QueueTable();
    private long positions;
    /** Whether anything can expire: a queue with a TTL or x-expires, or a message with an expiration, ever seen. */
    private boolean timed;
    /** Whether a queue with x-max-length-bytes was ever declared: only then is a publish's size counted. */
    private boolean countBytes;
    /** A confirm is one of four answers: a publish allocates none. */
    private static final Published[] ANSWERS = {
        new Published(false, false), new Published(false, true), new Published(true, false), new Published(true, true)
    };

    public RabbitBroker(InstantSource clock) {
        this(clock, BrokerRules.RABBITMQ);
    }

    public RabbitBroker(InstantSource clock, BrokerRules rules) {
        this.clock = clock;
        this.rules = rules;
        this.deadLetters = new DeadLetters(rules);
        this.exchanges = new Exchanges(rules);
        this.channels = new Channels(rules);
    }

    @Override
    public synchronized void declareExchange(ExchangeSpec exchange) {
        exchanges.declare(exchange);
    }

    @Override
    public synchronized void declareQueue(QueueSpec queue) {
        queues.declare(queue, clock.instant());
        timed |= queue.messageTtl().isPresent() || queue.expires().isPresent();
        countBytes |= queue.maxLengthBytes().isPresent();
    }

    @Override
    public synchronized void bind(BindingSpec binding) {
        exchanges.require(binding.source());
        if (binding.toExchange() ? !exchanges.exists(binding.destination()) : !queues.contains(binding.destination())) {
            throw new IllegalArgumentException(
                    "binding destination '" + binding.destination() + "' is not declared: declare it first");
        }
        exchanges.bind(binding);
        queues.forgetRoutes();
    }

    @Override
    public synchronized Published publish(String exchange, Message message, boolean mandatory) {
        Instant now = housekeep();
        List<Destination> targets = exchanges.route(exchange, message); // an undeclared exchange: one clear line
        timed |= message.expiration().isPresent();
        BrokerQueue[] known = queues.cached(targets);
        int bytes = countBytes ? Stored.bytesOf(message) : Stored.UNCOUNTED; // once, however many queues it reaches
        long seq = ++positions; // one position for every queue: each queue's order is still its publish order
        if (known != null && !timed && queues.cachedUnlimited()) { // nothing expires, nothing is refused or dropped
            Stored shared = Stored.published(seq, message, exchange, bytes, Optional.empty());
            for (BrokerQueue q : known) {
                q.append(shared); // every queue holds the one entry
            }
            return ANSWERS[2 + (mandatory && known.length == 0 ? 1 : 0)];
        }
        boolean acked = true;
        Stored shared = null;
        boolean firstOnly = rules.confirmFromFirstQueueOnly();
        boolean nackRefused = rules.nackRefusedPublish();
        for (int i = 0; i < targets.size(); i++) {
            BrokerQueue q = known != null ? known[i] : queues.get(targets.get(i).name());
            Optional<Instant> expires = timed ? expiry(q, message, now) : Optional.empty(); // nothing has a TTL
            if (shared == null || (timed && !shared.expiresAt().equals(expires))) {
                shared = Stored.published(seq, message, exchange, bytes, expires);
            }
            boolean taken = enqueue(q, shared, now); // queues of the same expiry hold one entry, not a copy each
            if (!firstOnly || i == 0) {
                acked &= taken || !nackRefused;
            }
        }
        return ANSWERS[(acked ? 2 : 0) + (mandatory && targets.isEmpty() ? 1 : 0)];
    }

    /** When {@code m} expires in {@code queue}: the shorter of x-message-ttl and its own expiration (EX8). */
    private static Optional<Instant> expiry(BrokerQueue queue, Message m, Instant now) {
        Optional<Duration> queueTtl = queue.spec().messageTtl();
        Optional<Duration> ttl = m.expiration();
        if (queueTtl.isPresent() && (ttl.isEmpty() || queueTtl.get().compareTo(ttl.get()) < 0)) {
            ttl = queueTtl;
        }
        return ttl.isEmpty() ? Optional.empty() : Optional.of(now.plus(ttl.get()));
    }

    /** Offers a message to a queue; what drop-head pushes out, or reject-publish-dlx refuses, is dead-lettered. */
    private boolean enqueue(BrokerQueue q, Stored m, Instant now) {
        if (!q.limited()) {
            q.put(m); // no limit: nothing to refuse, nothing to drop
            return true;
        }
        boolean taken = q.offer(m);
        for (Stored d : taken ? q.dropOverLimit() : List.<Stored>of()) {
            deadLetter(q, d, "maxlen", now);
        }
        if (!taken && q.spec().overflow() == Overflow.REJECT_PUBLISH_DLX) {
            deadLetter(q, m, "maxlen", now);
        }
        return taken;
    }

    /** EX6, EX7, EX11: republishes a dead message to its queue's dead-letter exchange, if it has one. */
    private void deadLetter(BrokerQueue from, Stored m, String reason, Instant now) {
        QueueSpec spec = from.spec();
        if (spec.deadLetterExchange().isEmpty()
                || !exchanges.exists(spec.deadLetterExchange().get())) {
            return;
        }
        String dlx = spec.deadLetterExchange().get();
        List<XDeath> deaths = deadLetters.deaths(m, spec.name(), reason, now);
        Message again = DeadLetters.republished(m, spec);
        int bytes = Stored.bytesOf(again);
        for (Destination d : exchanges.route(dlx, again)) {
            String target = d.name();
            if (!deadLetters.cycle(deaths, target)) {
                BrokerQueue q = queues.get(target);
                Stored.Past past = new Stored.Past(deaths, expiry(q, again, now), false, 0);
                enqueue(q, new Stored(++positions, again, dlx, bytes, past), now);
            }
        }
    }

    /** Time's work, due at every call: x-expires deletes unused queues, then each queue's head expires (EX8, EX13). */
    private Instant housekeep() {
        Instant now = clock.instant();
        if (!timed) {
            return now; // nothing can expire yet: no sweep of every queue on every call
        }
        for (BrokerQueue gone : queues.removeExpired(now)) {
            exchanges.forget(gone.spec().name());
        }
        for (BrokerQueue q : queues.all()) {
            expireHead(q, now);
        }
        return now;
    }

    private void expireHead(BrokerQueue q, Instant now) {
        for (Stored m : q.expireHead(now)) {
            deadLetter(q, m, "expired", now);
        }
    }

    @Override
    public synchronized String consume(String channel, String queue, int prefetch) {
        housekeep();
        BrokerQueue q = queues.get(queue);
        if (q == null) {
            throw new IllegalArgumentException("queue '" + queue + "' does not exist: declare it first");
        }
        Channels.Consumer c = channels.consume(channel, queue, prefetch);
        q.addConsumer(c.tag());
        return c.tag();
    }

    @Override
    public synchronized List<Delivery> receive(String consumerTag) {
        Instant now = housekeep();
        Channels.Consumer c = channels.consumer(consumerTag);
        BrokerQueue q = queues.get(c.queue());
        if (!q.active(consumerTag)) {
            return new ArrayList<>(0);
        }
        int free = channels.free(c);
        if (!timed) { // nothing can expire: the run at the head goes out at once
            int n = Math.min(free, q.ready());
            long first = channels.deliver(c, q, n);
            return new Deliveries(c.tag(), c.queue(), first, c.open().unacked.newest(n));
        }
        List<Delivery> out = new ArrayList<>(Math.min(free, q.ready()));
        for (; free > 0; free--) {
            if (timed) {
                expireHead(q, now); // the next head may have expired: it is dropped, never delivered (EX8)
            }
            if (!q.hasReady()) {
                break;
            }
            Stored m = q.take();
            out.add(Deliveries.one(c.tag(), c.queue(), channels.deliver(c, m), m));
        }
        return out;
    }

    @Override
    public synchronized int ack(String channel, long deliveryTag, boolean multiple) {
        housekeep();
        return channels.ack(channel, deliveryTag, multiple);
    }

    @Override
    public synchronized int nack(String channel, long deliveryTag, boolean multiple, boolean requeue) {
        Instant now = housekeep();
        List<Channels.Unacked> settled = channels.settle(channel, deliveryTag, multiple);
        for (Channels.Unacked u : settled) {
            if (requeue) {
                requeue(u, now);
            } else {
                deadLetter(queues.get(u.queue()), u.message(), "rejected", now);
            }
        }
        return settled.size();
    }

    @Override
    public synchronized int reject(String channel, long deliveryTag, boolean requeue) {
        return nack(channel, deliveryTag, false, requeue);
    }

    /** EX3, EX12: back to its position (or past its delivery limit, dead-lettered). */
    private void requeue(Channels.Unacked u, Instant now) {
        BrokerQueue q = queues.get(u.queue());
        Stored back = u.message().returned(q.spec().quorum());
        if (q.spec().quorum() && back.deliveryCount() > q.spec().deliveryLimit()) {
            deadLetter(q, back, "delivery_limit", now);
            return;
        }
        q.put(rules.requeueToBack() ? back.at(++positions) : back);
    }

    @Override
    public synchronized void closeChannel(String channel) {
        Instant now = housekeep();
        List<Channels.Consumer> cancelled = new ArrayList<>();
        List<Channels.Unacked> open = channels.close(channel, cancelled);
        cancelled.forEach(c -> queues.get(c.queue()).removeConsumer(c.tag(), now));
        open.forEach(u -> requeue(u, now));
    }

    @Override
    public synchronized boolean queueExists(String queue) {
        housekeep();
        return queues.contains(queue);
    }
}
