package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a message becomes when its queue dead-letters it: republished to the queue's dead-letter exchange with
 * the dead-letter routing key (or its own), its per-message expiration removed, and its death recorded.
 *
 * <p>Teaches: a dead letter carries its history; a consumer of the dead-letter queue reads why it died.
 * Invariants:
 *   EX6 a message is dead-lettered exactly when rejected or nacked without requeue (reason rejected), expired
 *       at the head (expired), dropped by drop-head or refused by reject-publish-dlx (maxlen), or returned past
 *       its quorum queue's delivery limit (delivery_limit), and only when its queue has a dead-letter exchange;
 *   EX7 its x-death has one entry per queue and reason, most recent first: a death in the same queue for the
 *       same reason increments that entry's count and moves it to the front, keeping the time, exchange and
 *       routing keys of that first death (rabbitmq.com/docs/dlx; RabbitMQ 3.10 and 4.x alike);
 *   EX11 a message that would be dead-lettered into a queue it died in before is dropped when no rejection
 *       came since, that death included: a cycle of expiries would never end (rabbitmq.com/docs/dlx, "cycles").
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: rabbit_dead_letter.
 */
final class DeadLetters {

    private final BrokerRules rules;

    private final Slip slip;

    DeadLetters(BrokerRules rules, Slip slip) {
        this.rules = rules;
        this.slip = slip;
    }

    /** The x-death after one more death of {@code m} in {@code queue} for {@code reason} (EX7). */
    List<XDeath> deaths(Stored m, String queue, String reason, Instant now) {
        List<XDeath> out = new ArrayList<>();
        XDeath entry =
                new XDeath(queue, reason, 1, m.exchange(), List.of(m.message().routingKey()), now);
        boolean inPlace = false;
        for (XDeath d : m.deaths()) {
            if (d.queue().equals(queue) && d.reason().equals(reason)) {
                long count = rules.incrementDeathCount() ? d.count() + 1 : d.count();
                entry = new XDeath(queue, reason, count, d.exchange(), d.routingKeys(), d.time());
                if (slip == Slip.XDEATH_IN_PLACE) {
                    out.add(entry);
                    inPlace = true;
                }
            } else {
                out.add(d);
            }
        }
        if (!inPlace) {
            out.add(0, entry);
        }
        return out;
    }

    /** The message as republished to the dead-letter exchange. */
    static Message republished(Stored m, QueueSpec queue, Slip slip) {
        Message original = m.message();
        return new Message(
                queue.deadLetterRoutingKey().orElse(original.routingKey()),
                original.headers(),
                original.body(),
                slip == Slip.DEAD_LETTER_KEEPS_EXPIRATION ? original.expiration() : Optional.empty());
    }

    /** EX11: would dead-lettering into {@code target} close a cycle no consumer took part in since it died there? */
    static boolean cycle(List<XDeath> deaths, String target) {
        for (XDeath d : deaths) {
            if (d.reason().equals("rejected")) {
                return false;
            }
            if (d.queue().equals(target)) {
                return true;
            }
        }
        return false;
    }
}
