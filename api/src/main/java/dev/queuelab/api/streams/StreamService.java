package dev.queuelab.api.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Redis Streams with consumer groups. A stream is an append-only log of entries with increasing ids; a consumer
 * group is a cursor over it (its last-delivered id) with a pending entries list (PEL): every entry delivered to
 * one of its consumers and not yet acked, with its owner, its last delivery time and its delivery count. Entries
 * stay in the stream when acked (as in a log); trimming removes the oldest whatever the groups have read.
 */
public interface StreamService {

    /**
     * XADD: appends an entry and answers its id. {@code id} is {@code *} (the clock's milliseconds, or the last
     * id's with the next sequence when the clock is not ahead of it) or an explicit {@code ms-seq} greater than the
     * stream's last id; {@code 0-0} and a smaller id are error replies. Then trims as {@code trim} says.
     */
    StreamId add(String stream, String id, Map<String, String> fields, Trim trim);

    /** XTRIM: trims the stream and answers how many entries it removed. */
    long trim(String stream, Trim trim);

    /** XRANGE: up to {@code count} entries with ids from {@code start} to {@code end}, both inclusive. */
    List<StreamEntry> range(String stream, StreamId start, StreamId end, int count);

    /** XGROUP CREATE ... MKSTREAM: a group whose last-delivered id is {@code $} (the stream's last), 0, or an id. */
    void createGroup(String stream, String group, String start);

    /** XGROUP SETID: moves the group's last-delivered id; its PEL is unchanged. */
    void setGroupId(String stream, String group, String start);

    /**
     * XREADGROUP ... COUNT count STREAMS stream id: with {@code >}, up to {@code count} entries never delivered to
     * the group; with an id, up to {@code count} of the consumer's own pending entries after that id.
     */
    List<StreamEntry> readGroup(String stream, String group, String consumer, String id, int count);

    /** XACK: removes the ids from the group's PEL and answers how many were in it. */
    long ack(String stream, String group, List<StreamId> ids);

    /** XCLAIM: gives the consumer each of {@code ids} pending in the group and idle for at least {@code minIdle}. */
    List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle, List<StreamId> ids);

    /** XAUTOCLAIM: claims, from {@code start} on in the PEL, entries idle for at least {@code minIdle}. */
    AutoClaimed autoClaim(String stream, String group, String consumer, Duration minIdle, StreamId start, int count);

    /** XPENDING, the summary form. */
    PendingSummary pending(String stream, String group);

    /**
     * XPENDING, the extended form: {@code XPENDING stream group IDLE minIdle start end count [consumer]}; a null
     * consumer lists every consumer's, {@link Duration#ZERO} filters nothing.
     */
    List<PendingEntry> pending(
            String stream, String group, Duration minIdle, StreamId start, StreamId end, int count, String consumer);

    /**
     * The consumers' dead-letter convention (Redis has no such command): moves each entry {@code consumer} holds
     * pending with at least {@code maxDeliveries} deliveries to {@code deadStream} ({@code XADD *} with its fields
     * and {@link StreamFacts#DEAD_SOURCE_ID} and {@link StreamFacts#DEAD_DELIVERIES}) and acks it; one whose entry
     * was trimmed is acked without a copy. Answers the ids copied, in id order.
     */
    List<StreamId> deadLetter(String stream, String group, String consumer, int maxDeliveries, String deadStream);
}
