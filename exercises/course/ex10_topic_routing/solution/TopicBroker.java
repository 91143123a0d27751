package dev.queuelab.exercises.ex10_topic_routing;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exercise 10: topic routing.
 *
 * Teaches: a publisher names an exchange, never a queue; the exchange's bindings decide which queues get a
 * copy. A direct exchange compares the routing key with the binding key, a fanout copies to every binding, a
 * topic exchange matches dot-separated words against a pattern where {@code *} is one word and {@code #} zero
 * or more. An exchange may be bound to another exchange, and one that matches nothing hands the message to
 * its alternate exchange.
 * Invariants: EX1 a publish is enqueued on exactly the queues its exchange's bindings match, followed through
 *   exchange-to-exchange bindings, each queue once, each exchange walked once; an exchange that matches nothing
 *   hands it to its alternate exchange; EX5 a mandatory publish comes back (returned) exactly when it routes
 *   to no queue. The queues, consumers and acks (EX2, EX3, EX10) are given.
 * Thread-safety: every public method is synchronized on the broker.
 * Real world: RabbitMQ's exchanges (rabbit_exchange:route, the topic exchange's trie).
 */
public class TopicBroker implements Broker {

    /** Routing, queues and consumers only: no dead-lettering, TTLs, length limits or quorum queues here. */
    static final ExchangeCapabilities CAPABILITIES = new ExchangeCapabilities(false, false);

    private record Binding(String destination, boolean toExchange, String key, Map<String, String> arguments) {}

    private record Stored(long position, Message message, String exchange, boolean redelivered) {}

    private record Consumer(String tag, String channel, String queue, int prefetch) {}

    private record Unacked(long tag, String consumerTag, String queue, Stored message) {}

    private final Map<String, ExchangeSpec> exchanges = new LinkedHashMap<>();
    private final Map<String, List<Binding>> bindings = new HashMap<>();       // each exchange's bindings
    private final Map<String, QueueSpec> queues = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, Stored>> ready = new HashMap<>();  // each queue's ready, by position
    private final Map<String, List<String>> consuming = new HashMap<>();       // each queue's consumer tags
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private final Map<String, TreeMap<Long, Unacked>> unacked = new HashMap<>(); // each channel's, by tag
    private final Map<String, Long> lastTag = new HashMap<>();
    private long positions;
    private int tags;

    public TopicBroker(InstantSource clock) {}

    // ---- routing (this exercise) ----

    /** The queues a message published to {@code exchange} reaches, each once. */
    private Set<String> route(String exchange, Message message) {
        // begin exercise 10
        Set<String> out = new TreeSet<>();
        routeFrom(exchange, message, new LinkedHashSet<>(), out);
        return out;
    }

    private void routeFrom(String exchange, Message message, Set<String> visited, Set<String> out) {
        if (!exchanges.containsKey(exchange) || !visited.add(exchange)) {
            return; // each exchange once: a cycle of exchange-to-exchange bindings ends
        }
        ExchangeType type = exchanges.get(exchange).type();
        List<Binding> matched = new ArrayList<>();
        for (Binding b : bindings.get(exchange)) {
            if (matches(type, b, message)) {
                matched.add(b);
            }
        }
        if (matched.isEmpty() && exchanges.get(exchange).alternateExchange().isPresent()) {
            routeFrom(exchanges.get(exchange).alternateExchange().get(), message, visited, out);
        }
        for (Binding b : matched) {
            if (b.toExchange()) {
                routeFrom(b.destination(), message, visited, out);
            } else {
                out.add(b.destination());
            }
        }
        // end exercise 10
    }

    /** Whether one binding of an exchange of this type matches the message. */
    private static boolean matches(ExchangeType type, Binding binding, Message message) {
        // begin exercise 10
        return switch (type) {
            case DIRECT -> binding.key().equals(message.routingKey());
            case FANOUT -> true;
            case TOPIC -> topicMatches(words(binding.key()), 0, words(message.routingKey()), 0);
            case HEADERS -> headersMatch(binding.arguments(), message.headers());
        };
        // end exercise 10
    }

    /** Whether the pattern's words from {@code p} match the key's words from {@code k}. */
    private static boolean topicMatches(List<String> pattern, int p, List<String> key, int k) {
        // begin exercise 10
        if (p == pattern.size()) {
            return k == key.size();
        }
        String w = pattern.get(p);
        if (w.equals("#")) { // zero words, or one word and '#' again
            return topicMatches(pattern, p + 1, key, k) || (k < key.size() && topicMatches(pattern, p, key, k + 1));
        }
        return k < key.size() && (w.equals("*") || w.equals(key.get(k))) && topicMatches(pattern, p + 1, key, k + 1);
        // end exercise 10
    }

    /** A key's or a pattern's words: "a..b" has three, the empty key none. */
    private static List<String> words(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split("\\.", -1));
    }

    /** A headers binding: x-match all (the default) or any, of the arguments not named x-... unless -with-x. */
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

    // ---- declarations and publishing (given) ----

    @Override
    public synchronized void declareExchange(ExchangeSpec exchange) {
        exchanges.put(exchange.name(), exchange);
        bindings.put(exchange.name(), new ArrayList<>());
    }

    @Override
    public synchronized void declareQueue(QueueSpec queue) {
        queues.put(queue.name(), queue);
        ready.put(queue.name(), new TreeMap<>());
        consuming.put(queue.name(), new ArrayList<>());
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

    /** A copy on every queue the message routes to; a mandatory publish that reaches none comes back. */
    @Override
    public synchronized Published publish(String exchange, Message message, boolean mandatory) {
        requireExchange(exchange);
        Set<String> targets = route(exchange, message);
        for (String q : targets) {
            long position = ++positions;
            ready.get(q).put(position, new Stored(position, message, exchange, false));
        }
        return new Published(true, mandatory && targets.isEmpty());
    }

    // ---- consumers and acks (given) ----

    @Override
    public synchronized String consume(String channel, String queue, int prefetch) {
        if (!queues.containsKey(queue)) {
            throw new IllegalArgumentException("queue '" + queue + "' does not exist: declare it first");
        }
        Consumer c = new Consumer("ctag-" + ++tags, channel, queue, prefetch);
        consumers.put(c.tag(), c);
        consuming.get(queue).add(c.tag());
        return c.tag();
    }

    /** The queue's head, up to the consumer's prefetch less what it holds; with single active consumer, the first. */
    @Override
    public synchronized List<Delivery> receive(String consumerTag) {
        Consumer c = consumers.get(consumerTag);
        if (c == null) {
            throw new IllegalArgumentException(
                    "consumer tag '" + consumerTag + "' is not consuming: use a tag consume() answered");
        }
        List<Delivery> out = new ArrayList<>();
        if (queues.get(c.queue()).singleActiveConsumer() && !consuming.get(c.queue()).get(0).equals(consumerTag)) {
            return out;
        }
        TreeMap<Long, Stored> q = ready.get(c.queue());
        TreeMap<Long, Unacked> open = unacked.computeIfAbsent(c.channel(), k -> new TreeMap<>());
        long held = open.values().stream().filter(u -> u.consumerTag().equals(consumerTag)).count();
        for (long free = c.prefetch() == 0 ? Long.MAX_VALUE : c.prefetch() - held; free > 0 && !q.isEmpty(); free--) {
            Stored m = q.pollFirstEntry().getValue();
            long tag = lastTag.merge(c.channel(), 1L, Long::sum);
            open.put(tag, new Unacked(tag, consumerTag, c.queue(), m));
            Message msg = m.message();
            out.add(new Delivery(consumerTag, tag, c.queue(), m.exchange(), msg.routingKey(), msg.headers(),
                    msg.body(), m.redelivered(), 0, List.of()));
        }
        return out;
    }

    @Override
    public synchronized int ack(String channel, long deliveryTag, boolean multiple) {
        return settle(channel, deliveryTag, multiple).size();
    }

    /** Requeued to its original position, or, without requeue, dropped (no dead-letter exchange here). */
    @Override
    public synchronized int nack(String channel, long deliveryTag, boolean multiple, boolean requeue) {
        List<Unacked> settled = settle(channel, deliveryTag, multiple);
        if (requeue) {
            settled.forEach(this::requeue);
        }
        return settled.size();
    }

    @Override
    public synchronized int reject(String channel, long deliveryTag, boolean requeue) {
        return nack(channel, deliveryTag, false, requeue);
    }

    /** One delivery of the channel, or every one up to the tag; none when the tag is unknown. */
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

    private void requeue(Unacked u) {
        Stored m = u.message();
        ready.get(u.queue()).put(m.position(), new Stored(m.position(), m.message(), m.exchange(), true));
    }

    @Override
    public synchronized void closeChannel(String channel) {
        consumers.values().removeIf(c -> c.channel().equals(channel) && consuming.get(c.queue()).remove(c.tag()));
        TreeMap<Long, Unacked> open = unacked.remove(channel);
        if (open != null) {
            open.values().forEach(this::requeue);
        }
    }

    @Override
    public synchronized boolean queueExists(String queue) {
        return queues.containsKey(queue);
    }
}
