package dev.queuelab.check.heldout.subscription;

import java.time.Duration;
import java.time.Instant;

/**
 * The subscriptions' decisions, one rule per method, each citing the invariant of {@link CloudPubSub} it keeps.
 *
 * Teaches: where each promise of a subscription is decided, in one line, so that one wrong line can be shown to
 * break one promise. {@link CloudPubSub} is given a rules object; {@link #REFERENCE} is Pub/Sub's, and each
 * bug-gallery variant is a rules object with one method overridden.
 * Invariants: those of {@link CloudPubSub} (SB1 to SB8); each method names the ones it decides.
 * Thread-safety: stateless; every call is made under the service's lock.
 * Real world: each rule is Pub/Sub's, as docs/pub-sub/subscription.md says where the reference is stricter.
 */
public class SubscriptionRules {

    /** The rules as the reference keeps them. */
    public static final SubscriptionRules REFERENCE = new SubscriptionRules();

    protected SubscriptionRules() {}

    /** SB1: a new subscription starts empty: it gets nothing the topic had before it. */
    protected boolean receivesEarlierMessages() {
        return false;
    }

    /** SB1, SB8: a publish goes on to the next subscription whatever the backlog of the one it just reached. */
    protected boolean fanOutPast(int backlog) {
        return true;
    }

    /** SB2: a delivery is leased until this instant. */
    protected Instant deadline(Instant from, Duration ackDeadline) {
        return from.plus(ackDeadline);
    }

    /** SB3: modifyAckDeadline counts its seconds from the moment it is called, not from the delivery. */
    protected Instant extensionStart(Instant deliveredAt, Instant now) {
        return now;
    }

    /** SB2: the deadline itself is the first instant the message may be delivered again. */
    protected boolean expired(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    /** SB1: a message is kept while less than the retention has passed since its publish. */
    protected boolean retained(Instant publishTime, Duration retention, Instant now) {
        return now.isBefore(publishTime.plus(retention));
    }

    /** SB5: the failure (nack or expiry) that makes maxDeliveryAttempts failures forwards instead of retrying. */
    protected boolean deadLetterDue(int failures, int maxDeliveryAttempts) {
        return failures >= maxDeliveryAttempts;
    }

    /** SB4: a nack or an expired deadline redelivers its key's later messages after it, acked or not. */
    protected boolean redeliversLaterOfKey() {
        return true;
    }

    /** SB6: a seek to a time acks what was published strictly before it; a message published at it stays. */
    protected boolean seekAcks(Instant publishTime, Instant target) {
        return publishTime.isBefore(target);
    }
}
