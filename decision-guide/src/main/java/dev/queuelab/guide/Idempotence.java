package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import java.util.Set;

/**
 * What makes a repeat harmless in one design: the consumer's dedupe key and store with its lifetime (longer than
 * any redelivery, retry horizon or replay), what the product's exactly-once offers and what it leaves out, and what
 * a producer that writes its database and then publishes must do.
 */
final class Idempotence {

    private final Design d;
    private final Situation s;
    private final Set<String> facts;

    Idempotence(Design d) {
        this.d = d;
        this.s = d.s;
        this.facts = d.facts;
    }

    private Answers a() {
        return s.a();
    }

    Idempotency idempotency(Failure failure) {
        Answers.SideEffects effects = a().context().sideEffects();
        if (!s.queued()) {
            if (Rules.IDEMPOTENCY_KEY_FOR_RETRIED_CALLS.firesOn(s)) {
                return new Idempotency(
                        "an idempotency key per logical request, sent with every retry",
                        "the callee stores each key with its result and answers a repeat from it",
                        null);
            }
            return new Idempotency(null, null, null);
        }
        if (s.semantic() != Semantic.AT_LEAST_ONCE) {
            return new Idempotency(null, null, null);
        }
        facts.add("guide.dedupe-ttl");
        RetryModel retry = d.retry(failure);
        double redelivery = d.redeliveryWindow(failure) + (retry == null ? 0 : retry.horizon());
        double replay = a().context().retentionDays() * 86_400.0;
        double ttl = Math.max(fact("guide.dedupe-ttl", "min-seconds"), Math.max(redelivery, replay));
        String key = effects == Answers.SideEffects.EXTERNAL
                ? "a business key (order id, payment id), also sent downstream as the provider's idempotency key"
                : producerSetKey();
        return new Idempotency(
                key,
                effects == Answers.SideEffects.EXTERNAL
                        // an e-mail or a payment API cannot join the consumer's database transaction
                        ? "a processed-keys table with a unique key and an expiry: mark the key in progress"
                                + " before the external call and done after it; the call itself cannot share the"
                                + " table's transaction, so the provider's idempotency key (above) is what drops"
                                + " a repeat that comes after a crash between the two"
                        : "a processed-keys table with a unique key and an expiry (or Redis SET NX with a TTL),"
                                + " written in the same transaction as the consumer's effect",
                (int) Math.ceil(ttl / 3600));
    }

    /**
     * The consumer's dedupe key where effects stay inside: an id the producer sets once per event, since a
     * broker-assigned id is new on every send (SQS MessageId, Pub/Sub message id, a log's offset).
     */
    String producerSetKey() {
        String base = switch (a().context().producerKind()) {
            case CDC ->
                "the change's position in the database's log (the LSN or binlog position) with its table and primary"
                        + " key, set by the connector: one restarted from its last recorded position sends changes again";
            case DEVICE ->
                "the device id with a sequence number the device keeps across reconnects: a device sends again what"
                        + " it got no answer for";
            case APP -> "an id the producer sets once per event (the outbox row id, or a business key)";
        };
        return d.rules.producerKey(d, base);
    }

    String exactlyOnce() {
        if (a().semantic() != Semantic.EXACTLY_ONCE || !s.queued()) {
            return null;
        }
        String fact = s.product().exactlyOnceFact;
        String offer;
        if (fact == null) {
            offer = s.product().brand() + " offers no exactly-once mechanism";
        } else {
            facts.add(fact);
            offer = s.product().brand() + " offers: "
                    + Facts.registry().get(fact).fact()
                    + (d.pushSubscription() ? " (not to a function, whose trigger is a push subscription)" : "");
        }
        String gap = s.exactlyOnceInside()
                ? "It does not cover effects outside the log: keep every effect inside it (consume, transform, produce)."
                : "It does not cover the consumer's effect"
                        + (a().context().sideEffects() == Answers.SideEffects.EXTERNAL ? " on the external system" : "")
                        + ": build at-least-once with an idempotent consumer (below).";
        return offer + ". " + gap;
    }

    /**
     * What the producer must do: an outbox where it writes its database and then publishes; where a CDC connector
     * produces, the database's log is the outbox already; devices publish through a gateway that knows them.
     */
    String producerSide() {
        if (!s.queued()) {
            return null;
        }
        Answers.ProducerKind kind = a().context().producerKind();
        if (kind == Answers.ProducerKind.CDC) {
            return "change data capture: a connector (Debezium, or the database's own change stream) publishes every"
                    + " committed change from the database's log, so there is no dual write to fix; it is"
                    + " at-least-once after a restart, and a row's changes stay in order only with its primary key as"
                    + " the message key";
        }
        String side = a().producer() == Answers.Producer.DB_THEN_PUBLISH ? d.rules.producerSide(d) : null;
        if (kind == Answers.ProducerKind.DEVICE) {
            String devices = "devices: they publish through an MQTT gateway or the platform's IoT service, which"
                    + " authenticates each device and forwards to the queue, never with the queue's own credentials;"
                    + (a().semantic() == Answers.Semantic.AT_MOST_ONCE
                            // a lost reading is replaced by the next: resending it would only deliver it late
                            ? " each device sends a reading once, and a lost one is replaced by the next"
                            : " each device buffers what it could not send and sends it again with its sequence"
                                    + " number");
            return side == null ? devices : side + "; " + devices;
        }
        return side;
    }
}
