package dev.queuelab.check.heldout.exchange;

/**
 * The one mistake a held-out copy of the reference broker makes, written from the contract and RabbitMQ's docs
 * without sight of the exchange checks or their gallery. {@link #NONE} is the reference as copied.
 */
public enum Slip {
    NONE("none: the reference as copied"),
    TOPIC_REGEX("a topic binding is a regex: '*' is [^.]+ and '#' is .*, so 'a.#' misses 'a' and '*' an empty word"),
    HEADERS_ALL_ANY_ONLY("headers x-match knows only 'all' and 'any': all-with-x and any-with-x act as 'all'"),
    HEADERS_DEFAULT_ANY("a headers binding without x-match matches on any one header, not all"),
    REJECT_PUBLISH_ONE_OVER("reject-publish compares the length before the add: a queue holds x-max-length + 1"),
    BYTES_AS_CHARS("x-max-length-bytes counts a body's characters, not its UTF-8 bytes"),
    MULTIPLE_EXCLUSIVE("ack/nack with multiple settles the deliveries before the tag, not the tag itself"),
    XDEATH_IN_PLACE("a repeated death increments its x-death entry where it is, without moving it to the front"),
    DEAD_LETTER_KEEPS_EXPIRATION("a dead-lettered message keeps its per-message expiration in the next queue"),
    QUEUE_TTL_WINS("a queue's x-message-ttl overrides a message's own expiration, even a shorter one"),
    CLOSE_NOT_COUNTED("a quorum queue counts a nack's requeue in x-delivery-count, not a closed channel's return"),
    EXPIRES_FROM_DECLARE("x-expires counts from the queue's declaration, not from its last consumer leaving"),
    RETURN_VIA_ALTERNATE(
            "a mandatory publish its exchange's own bindings miss is returned, though its alternate routed it"),
    FAST_PATH_DROP_HEAD_UNDEAD(
            "when nothing can expire, a publish's drop-head discards the head without dead-lettering it (maxlen)"),
    FAST_PATH_ACKS_REFUSED(
            "when nothing can expire, a publish that reject-publish refused is still confirmed with an ack"),
    FAST_PATH_DROPS_ONE(
            "when nothing can expire, a publish's drop-head drops at most one head, leaving x-max-length-bytes exceeded");

    public final String mistake;

    Slip(String mistake) {
        this.mistake = mistake;
    }
}
