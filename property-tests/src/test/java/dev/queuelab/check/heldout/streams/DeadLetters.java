package dev.queuelab.check.heldout.streams;

import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.api.streams.Trim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The consumers' dead-letter convention, written over the contract as a consumer writes it against Redis: XPENDING
 * for its own entries with their delivery counts, XRANGE for each one's fields, XADD to the dead-letter stream, XACK.
 *
 * Teaches: Redis has no dead-letter queue. A delivery count is all it keeps; what to do with an entry that keeps
 * failing is the consumers' decision, and an entry is moved only when a consumer looks (so it must be one that
 * claimed it: a crashed consumer moves nothing).
 * Invariants: RS10, numbered as in {@link RedisStreams}.
 * Thread-safety: as the service it is given; {@link RedisStreams} calls it under its own lock.
 * Real world: the pattern Redis's introduction to streams suggests under "Claiming and the delivery counter"
 * (https://redis.io/docs/latest/develop/data-types/streams/): past a delivery count of the consumers' choosing,
 * move the entry to another stream and tell someone, rather than retry it forever.
 */
final class DeadLetters {

    private static final int PAGE = 1000;

    private DeadLetters() {}

    /** RS10: copies, then acks, every entry {@code consumer} holds with at least {@code max} deliveries. */
    static List<StreamId> move(
            StreamService service,
            Slip slip,
            String stream,
            String group,
            String consumer,
            int max,
            String deadStream) {
        List<StreamId> moved = new ArrayList<>();
        StreamId from = StreamId.MIN;
        while (true) {
            List<PendingEntry> page = service.pending(
                    stream,
                    group,
                    Duration.ZERO,
                    from,
                    StreamId.MAX,
                    PAGE,
                    slip == Slip.DEAD_LETTER_EVERY_CONSUMER ? null : consumer);
            for (PendingEntry p : page) {
                if (p.deliveries() < max) {
                    continue;
                }
                List<StreamEntry> entry = service.range(stream, p.id(), p.id(), 1);
                if (!entry.isEmpty()) { // a trimmed entry has nothing to copy: it is acked all the same
                    Map<String, String> fields = new HashMap<>(entry.get(0).fields());
                    fields.put(StreamFacts.DEAD_SOURCE_ID, p.id().toString());
                    fields.put(StreamFacts.DEAD_DELIVERIES, String.valueOf(p.deliveries()));
                    service.add(deadStream, "*", fields, Trim.NONE); // copy before ack: a crash between repeats it
                    moved.add(p.id());
                }
                service.ack(stream, group, List.of(p.id()));
            }
            if (page.size() < PAGE) {
                return moved;
            }
            from = page.get(page.size() - 1).id().next();
        }
    }
}
