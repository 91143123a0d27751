package dev.queuelab.check.heldout.exchange;

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
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A copy of the reference broker that makes one held-out {@link Slip}: a broker with exchanges, queues and
 * consumers, as RabbitMQ has it.
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

    private final Slip slip;

    public static final ExchangeCapabilities CAPABILITIES = ExchangeCapabilities.ALL;

    private final InstantSource clock;
    private final BrokerRules rules;
    private final DeadLetters deadLetters;
    private final Channels channels;
    private final Exchanges exchanges;
    private final Map<String, BrokerQueue> queues = new LinkedHashMap<>();
    private long positions;
    private boolean closing;
    /** Whether anything was ever declared or published that can expire: until then publish takes the fast path. */
    private boolean mayExpire;

    public RabbitBroker(InstantSource clock, Slip slip) {
        this.clock = clock;
        this.slip = slip;
        this.rules = BrokerRules.RABBITMQ;
        this.deadLetters = new DeadLetters(rules, slip);
        this.exchanges = new Exchanges(rules, slip);
        this.channels = new Channels(rules, slip);
    }

    @Override
    public synchronized void declareExchange(ExchangeSpec exchange) {
        exchanges.declare(exchange);
    }

    @Override
    public synchronized void declareQueue(QueueSpec queue) {
        mayExpire |= queue.messageTtl().isPresent() || queue.expires().isPresent();
        queues.put(queue.name(), new BrokerQueue(queue, clock.instant(), slip));
    }

    @Override
    public synchronized void bind(BindingSpec binding) {
        exchanges.require(binding.source());
        if (binding.toExchange()
                ? !exchanges.exists(binding.destination())
                : !queues.containsKey(binding.destination())) {
            throw new IllegalArgumentException(
                    "binding destination '" + binding.destination() + "' is not declared: declare it first");
        }
        exchanges.bind(binding);
    }

    @Override
    public synchronized Published publish(String exchange, Message message, boolean mandatory) {
        Instant now = housekeep();
        exchanges.require(exchange);
        Set<String> targets = exchanges.route(exchange, message);
        mayExpire |= message.expiration().isPresent();
        boolean fast = !mayExpire; // nothing can expire: the fast publish path
        boolean acked = true;
        boolean first = true;
        for (String q : targets) {
            boolean taken = enqueue(q, stored(q, message, exchange, List.of(), now), now, fast);
            if (fast && slip == Slip.FAST_PATH_ACKS_REFUSED) {
                taken = true;
            }
            if (!rules.confirmFromFirstQueueOnly() || first) {
                acked &= taken || !rules.nackRefusedPublish();
            }
            first = false;
        }
        boolean unmatched = slip == Slip.RETURN_VIA_ALTERNATE && !exchanges.matchesOwnBindings(exchange, message);
        return new Published(acked, mandatory && (targets.isEmpty() || unmatched));
    }

    private Stored stored(String queue, Message m, String exchange, List<XDeath> deaths, Instant now) {
        Optional<Instant> expires = shorter(
                queues.get(queue).spec().messageTtl().map(now::plus),
                m.expiration().map(now::plus));
        return new Stored(++positions, m, exchange, deaths, expires, false, 0);
    }

    private Optional<Instant> shorter(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent() && slip == Slip.QUEUE_TTL_WINS) {
            return a;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    /** Offers a message to a queue; what drop-head pushes out, or reject-publish-dlx refuses, is dead-lettered. */
    private boolean enqueue(String queue, Stored m, Instant now) {
        return enqueue(queue, m, now, false);
    }

    /** As {@link #enqueue(String, Stored, Instant)}, on the fast publish path when {@code fast}. */
    private boolean enqueue(String queue, Stored m, Instant now, boolean fast) {
        BrokerQueue q = queues.get(queue);
        List<Stored> dropped = new ArrayList<>();
        boolean taken = q.offer(m, dropped, fast);
        for (Stored d : dropped) {
            if (fast && slip == Slip.FAST_PATH_DROP_HEAD_UNDEAD) {
                continue;
            }
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
        Message again = DeadLetters.republished(m, spec, slip);
        for (String target : exchanges.route(dlx, again)) {
            if (!DeadLetters.cycle(deaths, target)) {
                enqueue(target, stored(target, again, dlx, deaths, now), now);
            }
        }
    }

    /** Time's work, due at every call: x-expires deletes unused queues, then each queue's head expires (EX8, EX13). */
    private Instant housekeep() {
        Instant now = clock.instant();
        for (BrokerQueue q : List.copyOf(queues.values())) {
            if (q.expired(now)) {
                queues.remove(q.spec().name());
                exchanges.forget(q.spec().name());
            }
        }
        queues.values().forEach(q -> expireHead(q, now));
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
        List<Delivery> out = new ArrayList<>();
        if (!q.active(consumerTag)) {
            return out;
        }
        for (int free = channels.free(c); free > 0; free--) {
            expireHead(q, now); // the next head may have expired: it is dropped, never delivered (EX8)
            if (!q.hasReady()) {
                break;
            }
            Stored m = q.take();
            long tag = channels.deliver(c, m);
            Message msg = m.message();
            out.add(new Delivery(
                    consumerTag,
                    tag,
                    c.queue(),
                    m.exchange(),
                    msg.routingKey(),
                    msg.headers(),
                    msg.body(),
                    m.redelivered(),
                    m.deliveryCount(),
                    m.deaths()));
        }
        return out;
    }

    @Override
    public synchronized int ack(String channel, long deliveryTag, boolean multiple) {
        housekeep();
        return channels.settle(channel, deliveryTag, multiple).size();
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
        Stored back = u.message().returned(q.spec().quorum() && (slip != Slip.CLOSE_NOT_COUNTED || !closing));
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
        closing = true;
        open.forEach(u -> requeue(u, now));
        closing = false;
    }

    @Override
    public synchronized boolean queueExists(String queue) {
        housekeep();
        return queues.containsKey(queue);
    }
}
