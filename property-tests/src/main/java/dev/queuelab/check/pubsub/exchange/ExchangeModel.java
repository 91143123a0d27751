package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges every answer of a broker against {@link BrokerModel}: a publish's confirm and return, every field of
 * every delivery, what a settlement settled, whether a queue still exists. The first breach is named and the
 * rest of the history only tells what became of a missing message: delivered later (withheld), never
 * delivered from its queue at all (not-routed), or delivered before and never again (lost).
 */
final class ExchangeModel implements Model<ExchangeEvent> {

    private final BrokerModel broker;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new HashSet<>();
    /** Bodies each queue delivered, in history order: what names a missing message. */
    private final Map<String, List<String>> deliveredFrom = new HashMap<>();

    private Missing missing;
    /** Some queue declares a TTL or x-expires, or a publish carried an expiration: time can take a message. */
    private boolean timed;

    private record Missing(String queue, String body, int step, int deliveredBefore) {}

    private final Instant start;

    ExchangeModel(ExchangeSetup setup, Instant start, XDeathOrder order) {
        this.broker = new BrokerModel(setup, start, order);
        this.start = start;
        this.timed = setup.queues().stream()
                .anyMatch(q -> q.messageTtl().isPresent() || q.expires().isPresent());
    }

    private boolean frozen() {
        return !anomalies.isEmpty() || missing != null;
    }

    @Override
    public void apply(ExchangeEvent event, Op op) {
        if (event instanceof ExchangeEvent.Received r && r.deliveries() != null) {
            r.deliveries()
                    .forEach(d -> deliveredFrom
                            .computeIfAbsent(d.queue(), k -> new ArrayList<>())
                            .add(d.body()));
        }
        if (frozen()) {
            return;
        }
        if (event instanceof ExchangeEvent.Consumed c) {
            ExchangeSetup.Consumer consumer = broker.setup.consumers().stream()
                    .filter(x -> x.name().equals(c.consumer()))
                    .findFirst()
                    .orElse(new ExchangeSetup.Consumer(c.consumer(), "drain", c.queue(), 0));
            broker.byTag.put(c.tag(), consumer);
            broker.consume(consumer, c.tag());
        } else if (event instanceof ExchangeEvent.Publish p) {
            publish(p);
        } else if (event instanceof ExchangeEvent.Received r) {
            received(r);
        } else if (event instanceof ExchangeEvent.Settled s) {
            int expected = broker.settle(
                    s.channel(), s.deliveryTag(), s.multiple(), s.kind() == ExchangeStep.Kind.ACK, s.requeue(), s.at());
            if (s.multiple() && expected > 1) {
                coverage.add("multiple settled several");
            }
            if (s.kind() != ExchangeStep.Kind.ACK) {
                coverage.add(s.requeue() ? "requeued" : "rejected without requeue");
            }
            if (expected != s.settled()) {
                anomalies.add(ExchangeRule.WRONG_DELIVERY.found(
                        s.step(), "settled " + s.settled() + ", expected " + expected));
            }
        } else if (event instanceof ExchangeEvent.Closed c) {
            if (broker.held.getOrDefault(c.channel(), List.of()).size() > 0) {
                coverage.add("channel closed holding deliveries");
            }
            broker.close(c.channel(), c.at());
        } else if (event instanceof ExchangeEvent.Looked l) {
            boolean expected = broker.exists(l.queue(), l.at());
            if (!expected) {
                coverage.add("queue expired");
            }
            ExchangeLabels.looked(broker, start, l, expected, coverage);
            if (expected != l.exists()) {
                anomalies.add(ExchangeRule.QUEUE_EXPIRY.found(
                        l.step(), l.queue() + (expected ? " must still exist" : " must be gone")));
            }
        } else if (event instanceof ExchangeEvent.Threw t) {
            anomalies.add(ExchangeRule.OPERATION_FAILED.found(t.step(), t.action() + " threw " + t.error()));
        }
    }

    private void publish(ExchangeEvent.Publish p) {
        label(p);
        timed |= p.ttlSeconds() > 0;
        ExchangeLabels.published(broker, p, timed, coverage);
        Published expected = broker.publish(
                p.exchange(), p.routingKey(), p.headers(), p.body(), p.ttlSeconds(), p.mandatory(), p.at());
        Published actual = p.published();
        if (!expected.acked()) {
            coverage.add("publish refused by a full queue");
        }
        if (actual == null) {
            anomalies.add(ExchangeRule.OPERATION_FAILED.found(p.step(), "the publish answered null"));
        } else if (actual.returned() && !expected.returned()) {
            anomalies.add(ExchangeRule.NOT_ROUTED.found(
                    p.step(),
                    p.body() + " was returned, but it routes to "
                            + broker.route(p.exchange(), p.routingKey(), p.headers())));
        } else if (!actual.returned() && expected.returned()) {
            anomalies.add(ExchangeRule.MISSING_RETURN.found(
                    p.step(), p.body() + " routes to no queue, yet was not returned"));
        } else if (actual.acked() && !expected.acked()) {
            anomalies.add(ExchangeRule.ACK_WITHOUT_ENQUEUE.found(
                    p.step(), p.body() + " was acked, but a queue it routes to refused it"));
        } else if (!actual.acked() && expected.acked()) {
            anomalies.add(
                    ExchangeRule.SPURIOUS_NACK.found(p.step(), p.body() + " was nacked, but every queue took it"));
        }
    }

    private void label(ExchangeEvent.Publish p) {
        Set<String> targets = broker.route(p.exchange(), p.routingKey(), p.headers());
        if (targets.isEmpty()) {
            coverage.add("routed nowhere");
        }
        for (BindingSpec b : broker.setup.bindings()) {
            boolean topic = broker.setup.exchanges().stream()
                    .anyMatch(x -> x.name().equals(b.source()) && x.type() == ExchangeType.TOPIC);
            if (topic && b.routingKey().contains("#") && TopicMatcher.topic(b.routingKey(), p.routingKey())) {
                String without = String.join(
                        ".",
                        TopicMatcher.words(b.routingKey()).stream()
                                .filter(w -> !w.equals("#"))
                                .toList());
                boolean zero = TopicMatcher.topic(without, p.routingKey());
                coverage.add(zero ? "'#' matched zero words" : "'#' matched words");
            }
            if (b.toExchange() && targets.size() > 0) {
                coverage.add("through an exchange-to-exchange binding");
            }
        }
        if (targets.size() > 1) {
            coverage.add("routed to several queues");
        }
    }

    private void received(ExchangeEvent.Received r) {
        ExchangeSetup.Consumer c = broker.byTag.get(r.tag());
        long heldBefore = broker.held.getOrDefault(c.channel(), List.of()).stream()
                .filter(h -> h.consumer().equals(r.tag()))
                .count();
        List<Delivery> expected = broker.receive(c, r.tag(), r.at());
        List<Delivery> actual = r.deliveries();
        if (actual == null || actual.stream().anyMatch(java.util.Objects::isNull)) {
            anomalies.add(ExchangeRule.OPERATION_FAILED.found(r.step(), "the receive answered " + actual));
            return;
        }
        labelReceived(c, heldBefore, expected);
        if (c.prefetch() > 0 && heldBefore + actual.size() > c.prefetch()) {
            anomalies.add(ExchangeRule.OVER_PREFETCH.found(
                    r.step(),
                    c.name() + " holds " + (heldBefore + actual.size()) + " unacked deliveries, its prefetch is "
                            + c.prefetch()));
            return;
        }
        List<String> want = expected.stream().map(Delivery::body).toList();
        List<String> got = actual.stream().map(Delivery::body).toList();
        for (String body : got) {
            if (java.util.Collections.frequency(got, body) > java.util.Collections.frequency(want, body)) {
                anomalies.add(unexpected(r, c.queue(), body, want));
                return;
            }
        }
        for (String body : want) {
            if (!got.contains(body)) {
                int before = (int) deliveredFrom.getOrDefault(c.queue(), List.of()).stream()
                        .filter(body::equals)
                        .count();
                missing = new Missing(c.queue(), body, r.step(), before);
                return;
            }
        }
        if (!want.equals(got)) {
            anomalies.add(ExchangeRule.REORDERED.found(
                    r.step(), c.queue() + " delivered " + got + ", in order it is " + want));
            return;
        }
        for (int i = 0; i < want.size(); i++) {
            Delivery e = expected.get(i);
            Delivery a = actual.get(i);
            if (!XDeaths.same(e.deaths(), a.deaths())) {
                anomalies.add(ExchangeRule.X_DEATH_WRONG.found(
                        r.step(),
                        a.body() + " came with x-death " + a.deaths() + ", expected " + e.deaths()
                                + XDeaths.difference(e.deaths(), a.deaths())));
                return;
            }
            if (!e.equals(XDeaths.withDeaths(a, e.deaths()))) {
                anomalies.add(ExchangeRule.WRONG_DELIVERY.found(
                        r.step(),
                        "delivered " + a + " " + a.headers() + " from "
                                + a.exchange() + " key '" + a.routingKey() + "', expected " + e + " " + e.headers()
                                + " from "
                                + e.exchange() + " key '" + e.routingKey() + "'"));
                return;
            }
        }
    }

    private void labelReceived(ExchangeSetup.Consumer c, long heldBefore, List<Delivery> expected) {
        if (c.prefetch() > 0
                && heldBefore + expected.size() == c.prefetch()
                && !broker.queues.get(c.queue()).ready.isEmpty()) {
            coverage.add("prefetch held back a ready message");
        }
        for (Delivery d : expected) {
            if (d.redelivered()) {
                coverage.add("redelivered a requeued message");
            }
            d.deaths().forEach(x -> coverage.add("dead-lettered " + x.reason()));
            if (d.deaths().stream().anyMatch(x -> x.count() > 1)) {
                coverage.add("x-death count past 1");
            }
        }
    }

    private Anomaly unexpected(ExchangeEvent.Received r, String queue, String body, List<String> want) {
        if (broker.queues.get(queue).ready.stream().anyMatch(m -> m.body().equals(body))) {
            return ExchangeRule.REORDERED.found(
                    r.step(), body + " was delivered before " + want + ", which are ahead of it in " + queue);
        }
        if (!broker.took.getOrDefault(queue, Set.of()).contains(body)) {
            return ExchangeRule.MISROUTED.found(
                    r.step(), queue + " delivered " + body + ", which no binding of it matches");
        }
        if (broker.expired.getOrDefault(queue, Set.of()).contains(body)) {
            return ExchangeRule.EXPIRED_DELIVERED.found(
                    r.step(),
                    queue + " delivered " + body
                            + ", which left the queue (expired at the head, or pushed out by its length limit)");
        }
        return ExchangeRule.DEAD_LETTER.found(
                r.step(), queue + " delivered " + body + " again, which was settled (acked, dead-lettered or dropped)");
    }

    @Override
    public List<Anomaly> anomalies() {
        if (missing == null || !anomalies.isEmpty()) {
            return anomalies;
        }
        List<String> from = deliveredFrom.getOrDefault(missing.queue(), List.of());
        long times = from.stream().filter(missing.body()::equals).count();
        String evidence = missing.queue() + " owed " + missing.body() + " at this receive";
        if (times > missing.deliveredBefore()) {
            return List.of(ExchangeRule.WITHHELD.found(missing.step(), evidence + "; it came later"));
        }
        if (times == 0) {
            return List.of(ExchangeRule.NOT_ROUTED.found(
                    missing.step(),
                    evidence + "; it never reached " + missing.queue() + ", not even in the final drain"));
        }
        return List.of(ExchangeRule.LOST.found(
                missing.step(), evidence + "; it never came again, not even in the final drain"));
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }
}
