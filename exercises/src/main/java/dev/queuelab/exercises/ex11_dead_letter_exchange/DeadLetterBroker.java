package dev.queuelab.exercises.ex11_dead_letter_exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exercise 11: the dead-letter exchange with its reason and a delivery limit.
 *
 * Teaches: a message a queue gives up on is not lost but republished to the queue's dead-letter exchange, and
 * it carries why: x-death, one entry per queue and reason, most recent first, with a count. A queue gives up
 * on a message four ways: a consumer rejects it (or nacks it) without requeue, it expires at the head, the
 * queue is over its length limit, or a quorum queue has handed it out more times than its delivery limit.
 * Invariants: EX6 a message is dead-lettered exactly when rejected without requeue (reason rejected), expired
 *   at the head (expired), dropped by drop-head or refused by reject-publish-dlx (maxlen), or returned past its
 *   quorum queue's delivery limit (delivery_limit), and only when its queue has a dead-letter exchange; EX7 a
 *   second death in the same queue for the same reason increments that entry's count and moves it first; EX8
 *   a message expires only at the head and is never delivered expired; EX9 ready messages never exceed the
 *   length limits; EX11 a dead-lettering into a queue the message died in is dropped when no
 *   rejection came since that death; EX12 a quorum queue counts every return. Routing, consumers and acks are
 *   given.
 * Thread-safety: every public method is synchronized on the broker.
 * Real world: RabbitMQ's rabbit_dead_letter, TTLs, length limits and quorum queues' poison-message handling.
 */
public class DeadLetterBroker implements Broker {

    /** Everything: dead-letter exchanges, TTLs and length limits, quorum queues' delivery limit. */
    static final ExchangeCapabilities CAPABILITIES = ExchangeCapabilities.ALL;

    private record Binding(String destination, boolean toExchange, String key, Map<String, String> arguments) {}

    /** One message in one queue: a requeue puts it back at its position. */
    private record Stored(long position, Message message, String exchange, List<XDeath> deaths,
            Optional<Instant> expiresAt, boolean redelivered, long deliveryCount) {
        int bytes() {
            return message.body().getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private record Consumer(String tag, String channel, String queue, int prefetch) {}

    private record Unacked(long tag, String consumerTag, String queue, Stored message) {}

    private static final class Queue {
        final QueueSpec spec;
        final TreeMap<Long, Stored> ready = new TreeMap<>();
        final List<String> consumers = new ArrayList<>();
        long bytes;
        Instant lastUsed;

        Queue(QueueSpec spec, Instant declared) {
            this.spec = spec;
            this.lastUsed = declared;
        }
    }

    private final InstantSource clock;
    private final Map<String, ExchangeSpec> exchanges = new LinkedHashMap<>();
    private final Map<String, List<Binding>> bindings = new HashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, Unacked>> unacked = new HashMap<>(); // each channel's, by tag
    private final Map<String, Long> lastTag = new HashMap<>();
    private long positions;
    private int tags;

    public DeadLetterBroker(InstantSource clock) {
        this.clock = clock;
    }

    // ---- dead letters (this exercise) ----

    /** Republishes a message its queue gives up on to the queue's dead-letter exchange, if it has one. */
    private void deadLetter(Queue from, Stored m, String reason, Instant now) {
        // Exercise 11: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.deadLetter is not written yet; the task is in the README.md next to DeadLetterBroker.java");
    }

    /** The message's x-death after one more death in {@code queue} for {@code reason}: that entry first. */
    private static List<XDeath> deaths(Stored m, String queue, String reason, Instant now) {
        // Exercise 11: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.deaths is not written yet; the task is in the README.md next to DeadLetterBroker.java");
    }

    /** Offers a message to a queue: false when its overflow refuses it; what overflows is dead-lettered. */
    private boolean enqueue(String queue, Stored m, Instant now) {
        Queue q = queues.get(queue);
        // Exercise 11: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.enqueue is not written yet; the task is in the README.md next to DeadLetterBroker.java");
    }

    /** Takes the expired messages off the head, in order, up to the first that has not expired. */
    private void expireHead(Queue q, Instant now) {
        // Exercise 11: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.expireHead is not written yet; the task is in the README.md next to DeadLetterBroker.java");
    }

    /** A returned message back at its position; a quorum queue counts the return and applies its limit. */
    private void requeue(Unacked u, Instant now) {
        Queue q = queues.get(u.queue());
        Stored m = u.message();
        // Exercise 11: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.requeue is not written yet; the task is in the README.md next to DeadLetterBroker.java");
    }

    /** basic.nack: requeued, or dead-lettered with reason rejected. */
    @Override
    public synchronized int nack(String channel, long deliveryTag, boolean multiple, boolean requeue) {
        Instant now = housekeep();
        List<Unacked> settled = settle(channel, deliveryTag, multiple);
        for (Unacked u : settled) {
            // Exercise 11: yours to write; the task is in the README.md next to this file.
            throw new UnsupportedOperationException("exercise 11: DeadLetterBroker.nack is not written yet; the task is in the README.md next to DeadLetterBroker.java");
        }
        return settled.size();
    }

    // ---- queues, their limits and time (given) ----

    private static boolean fits(Queue q, Stored m) {
        return q.spec.maxLength().stream().allMatch(n -> q.ready.size() + 1 <= n)
                && q.spec.maxLengthBytes().stream().allMatch(n -> q.bytes + m.bytes() <= n);
    }

    private static boolean overLimit(Queue q) {
        return q.spec.maxLength().stream().anyMatch(n -> q.ready.size() > n)
                || q.spec.maxLengthBytes().stream().anyMatch(n -> q.bytes > n);
    }

    private static void put(Queue q, Stored m) {
        q.ready.put(m.position(), m);
        q.bytes += m.bytes();
    }

    private static Stored take(Queue q) {
        Stored head = q.ready.pollFirstEntry().getValue();
        q.bytes -= head.bytes();
        return head;
    }

    /** A new message for a queue: a new position, expiring at the shorter of the queue's TTL and its own. */
    private Stored stored(String queue, Message m, String exchange, List<XDeath> deaths, Instant now) {
        Optional<Instant> byQueue = queues.get(queue).spec.messageTtl().map(now::plus);
        Optional<Instant> own = m.expiration().map(now::plus);
        Optional<Instant> expires = byQueue.isEmpty() || own.isEmpty()
                ? byQueue.or(() -> own)
                : Optional.of(byQueue.get().isBefore(own.get()) ? byQueue.get() : own.get());
        return new Stored(++positions, m, exchange, deaths, expires, false, 0);
    }

    /** Time's work, due at every call: unused queues with x-expires go, with their bindings; heads expire. */
    private Instant housekeep() {
        Instant now = clock.instant();
        for (Queue q : List.copyOf(queues.values())) {
            if (q.consumers.isEmpty() && q.spec.expires().isPresent()
                    && !q.lastUsed.plus(q.spec.expires().get()).isAfter(now)) {
                queues.remove(q.spec.name());
                bindings.values().forEach(bs -> bs.removeIf(b -> !b.toExchange() && b.destination().equals(q.spec.name())));
            }
        }
        List.copyOf(queues.values()).forEach(q -> expireHead(q, now));
        return now;
    }

    // ---- routing (given: exercise 10) ----

    private Set<String> route(String exchange, Message message) {
        Set<String> out = new TreeSet<>();
        routeFrom(exchange, message, new LinkedHashSet<>(), out);
        return out;
    }

    private void routeFrom(String exchange, Message message, Set<String> visited, Set<String> out) {
        if (!exchanges.containsKey(exchange) || !visited.add(exchange)) {
            return;
        }
        ExchangeSpec spec = exchanges.get(exchange);
        List<Binding> matched = bindings.get(exchange).stream().filter(b -> matches(spec.type(), b, message)).toList();
        if (matched.isEmpty() && spec.alternateExchange().isPresent()) {
            routeFrom(spec.alternateExchange().get(), message, visited, out);
        }
        for (Binding b : matched) {
            if (b.toExchange()) {
                routeFrom(b.destination(), message, visited, out);
            } else {
                out.add(b.destination());
            }
        }
    }

    private static boolean matches(ExchangeType type, Binding b, Message m) {
        return switch (type) {
            case DIRECT -> b.key().equals(m.routingKey());
            case FANOUT -> true;
            case TOPIC -> topicMatches(words(b.key()), 0, words(m.routingKey()), 0);
            case HEADERS -> headersMatch(b.arguments(), m.headers());
        };
    }

    private static boolean topicMatches(List<String> pattern, int p, List<String> key, int k) {
        if (p == pattern.size()) {
            return k == key.size();
        }
        String w = pattern.get(p);
        if (w.equals("#")) {
            return topicMatches(pattern, p + 1, key, k) || (k < key.size() && topicMatches(pattern, p, key, k + 1));
        }
        return k < key.size() && (w.equals("*") || w.equals(key.get(k))) && topicMatches(pattern, p + 1, key, k + 1);
    }

    private static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("\\.", -1));
    }

    private static boolean headersMatch(Map<String, String> arguments, Map<String, String> headers) {
        String mode = arguments.getOrDefault("x-match", "all");
        int considered = 0;
        int matched = 0;
        for (Map.Entry<String, String> a : arguments.entrySet()) {
            if (a.getKey().equals("x-match") || (!mode.endsWith("-with-x") && a.getKey().startsWith("x-"))) {
                continue;
            }
            considered++;
            matched += a.getValue().equals(headers.get(a.getKey())) ? 1 : 0;
        }
        return mode.startsWith("any") ? matched > 0 : matched == considered;
    }

    // ---- declarations, publishing, consumers and acks (given) ----

    @Override
    public synchronized void declareExchange(ExchangeSpec exchange) {
        exchanges.put(exchange.name(), exchange);
        bindings.put(exchange.name(), new ArrayList<>());
    }

    @Override
    public synchronized void declareQueue(QueueSpec queue) {
        queues.put(queue.name(), new Queue(queue, clock.instant()));
    }

    @Override
    public synchronized void bind(BindingSpec b) {
        requireExchange(b.source());
        if (b.toExchange() ? !exchanges.containsKey(b.destination()) : !queues.containsKey(b.destination())) {
            throw new IllegalArgumentException(
                    "binding destination '" + b.destination() + "' is not declared: declare it first");
        }
        bindings.get(b.source()).add(new Binding(b.destination(), b.toExchange(), b.routingKey(), b.arguments()));
    }

    private void requireExchange(String exchange) {
        if (!exchanges.containsKey(exchange)) {
            throw new IllegalArgumentException("exchange '" + exchange + "' is not declared: declare it first");
        }
    }

    /** Acked only when every queue it routes to took it; a mandatory publish that reaches none comes back. */
    @Override
    public synchronized Published publish(String exchange, Message message, boolean mandatory) {
        Instant now = housekeep();
        requireExchange(exchange);
        Set<String> targets = route(exchange, message);
        boolean acked = true;
        for (String q : targets) {
            acked &= enqueue(q, stored(q, message, exchange, List.of(), now), now);
        }
        return new Published(acked, mandatory && targets.isEmpty());
    }

    @Override
    public synchronized String consume(String channel, String queue, int prefetch) {
        housekeep();
        if (!queues.containsKey(queue)) {
            throw new IllegalArgumentException("queue '" + queue + "' does not exist: declare it first");
        }
        Consumer c = new Consumer("ctag-" + ++tags, channel, queue, prefetch);
        consumers.put(c.tag(), c);
        queues.get(queue).consumers.add(c.tag());
        return c.tag();
    }

    @Override
    public synchronized List<Delivery> receive(String consumerTag) {
        Instant now = housekeep();
        Consumer c = consumers.get(consumerTag);
        if (c == null) {
            throw new IllegalArgumentException(
                    "consumer tag '" + consumerTag + "' is not consuming: use a tag consume() answered");
        }
        Queue q = queues.get(c.queue());
        List<Delivery> out = new ArrayList<>();
        if (q.spec.singleActiveConsumer() && !q.consumers.get(0).equals(consumerTag)) {
            return out;
        }
        TreeMap<Long, Unacked> open = unacked.computeIfAbsent(c.channel(), k -> new TreeMap<>());
        long held = open.values().stream().filter(u -> u.consumerTag().equals(consumerTag)).count();
        for (long free = c.prefetch() == 0 ? Long.MAX_VALUE : c.prefetch() - held; free > 0; free--) {
            expireHead(q, now); // an expired head is dead-lettered, never delivered
            if (q.ready.isEmpty()) {
                break;
            }
            Stored m = take(q);
            long tag = lastTag.merge(c.channel(), 1L, Long::sum);
            open.put(tag, new Unacked(tag, consumerTag, c.queue(), m));
            Message msg = m.message();
            out.add(new Delivery(consumerTag, tag, c.queue(), m.exchange(), msg.routingKey(), msg.headers(),
                    msg.body(), m.redelivered(), m.deliveryCount(), m.deaths()));
        }
        return out;
    }

    @Override
    public synchronized int ack(String channel, long deliveryTag, boolean multiple) {
        housekeep();
        return settle(channel, deliveryTag, multiple).size();
    }

    @Override
    public synchronized int reject(String channel, long deliveryTag, boolean requeue) {
        return nack(channel, deliveryTag, false, requeue);
    }

    private List<Unacked> settle(String channel, long deliveryTag, boolean multiple) {
        TreeMap<Long, Unacked> open = unacked.computeIfAbsent(channel, k -> new TreeMap<>());
        List<Unacked> out = new ArrayList<>();
        if (multiple) {
            Map<Long, Unacked> upTo = open.headMap(deliveryTag, true);
            out.addAll(upTo.values());
            upTo.clear();
        } else if (open.containsKey(deliveryTag)) {
            out.add(open.remove(deliveryTag));
        }
        return out;
    }

    /** Its consumers are cancelled (their queues marked used now) and its unacked messages returned. */
    @Override
    public synchronized void closeChannel(String channel) {
        Instant now = housekeep();
        consumers.values().removeIf(c -> {
            boolean mine = c.channel().equals(channel);
            if (mine) {
                queues.get(c.queue()).consumers.remove(c.tag());
                queues.get(c.queue()).lastUsed = now;
            }
            return mine;
        });
        TreeMap<Long, Unacked> open = unacked.remove(channel);
        if (open != null) {
            open.values().forEach(u -> requeue(u, now));
        }
    }

    @Override
    public synchronized boolean queueExists(String queue) {
        housekeep();
        return queues.containsKey(queue);
    }
}
