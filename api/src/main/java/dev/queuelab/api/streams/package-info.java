/**
 * Redis Streams with consumer groups, in Redis's words: {@code XADD} with ids and {@code MAXLEN}/{@code MINID}
 * trimming, {@code XRANGE}, {@code XGROUP CREATE}/{@code SETID}, {@code XREADGROUP} with {@code >} and with an id,
 * the pending entries list, {@code XACK}, {@code XCLAIM}, {@code XAUTOCLAIM}, {@code XPENDING}, and a dead-letter
 * stream that consumers keep by convention.
 *
 * <p>Two kinds of "no": an answer Redis gives as an error reply (an id not greater than the stream's last, a group
 * that exists or does not) is a {@link StreamException} carrying Redis's own message, so that a client records it
 * like any other answer; a call that breaks the contract (a count below 1, a malformed id) throws an
 * {@link IllegalArgumentException} naming the value and the fix.
 *
 * <p>Time: an implementation reads time only from the {@link java.time.InstantSource} it is given; idle times and
 * the ids {@code *} makes are in its milliseconds.
 */
package dev.queuelab.api.streams;
