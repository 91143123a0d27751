package dev.queuelab.api.pubsub.exchange;

/** What a queue at its length limit does with one more message ({@code x-overflow}). */
public enum Overflow {
    /** Take it, and drop (or dead-letter, reason maxlen) the oldest ready messages until within the limit. */
    DROP_HEAD,
    /** Refuse it: the publisher's confirm is a nack. */
    REJECT_PUBLISH,
    /** Refuse it with a nack, and dead-letter it (reason maxlen). */
    REJECT_PUBLISH_DLX
}
