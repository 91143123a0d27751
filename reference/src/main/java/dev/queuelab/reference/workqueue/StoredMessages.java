package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Message;
import java.time.Instant;
import java.util.Arrays;

/**
 * The messages a {@link SqsWorkQueue} holds, waiting or in flight: by id, in send order, each one node that
 * serves a later message once its own is acked.
 *
 * Teaches: a queue that keeps up need allocate nothing of its own per message. The index is flat and holds
 * ints ({@link IdIndex}: no entry objects, nothing for the collector to scan): each node has a handle, its
 * place in an arena of nodes, and the index maps an id to it. The send order is a list through the nodes
 * themselves (the stats' oldest age with no second map), and an acked message's node waits on a free list
 * for the next send, as the Disruptor's ring reuses its entries. What a message then costs the heap is what
 * the api hands out. Reuse pays within a thread, not across two: a node a consumer freed is a line the other
 * core wrote last. With 1,024 free nodes kept, a two-thread handoff ran at about 0.7x of the same queue
 * keeping 64 and making the rest anew in the producer's own allocation buffer (docs/benchmarks.md, "Goals");
 * hence MS3's cap. The send order and the free list link nodes by handle, not by reference: in a queue that
 * has run a while every node is old to the collector, and on G1 each reference stored into an old object
 * pays the write barrier's fence, where an int costs a plain store.
 * Invariants:
 *   MS1 {@link #get} is the held node of an id, or null; {@link #add} refuses an id already held;
 *   MS2 {@link #oldest} is the held node added first, or null; {@link #remove} unlinks any node in O(1);
 *   MS3 a node is used again only after {@link #release}, which refuses a node still held or already free,
 *       and only by a later {@link #add}, which sets every field; at most {@value #FREE_MAX} free nodes wait,
 *       so memory beyond the held messages stays bounded after a burst drains;
 *   MS4 a node keeps one handle all its life, and {@code nodes[handle]} is that node while it is held or free;
 *       a node let go past {@value #FREE_MAX} leaves the arena, and only then may its handle name a new node.
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: a broker's message store kept apart from its lease index; object pools in low-latency
 * messaging (Aeron's and the Disruptor's preallocated entries).
 */
final class StoredMessages {

    static final int FREE_MAX = 64;

    private Stored[] nodes = new Stored[IdIndex.MIN_CAPACITY]; // the arena: a node at its handle, null if dropped
    private int handles; // handles given out so far
    private int[] dropped = new int[IdIndex.MIN_CAPACITY]; // handles whose node was let go, for new nodes
    private int droppedCount;
    private final IdIndex byId = new IdIndex(handle -> nodes[handle].message.id());
    private int oldest = Stored.NONE; // handles, not references (see the header)
    private int newest = Stored.NONE;
    private int free = Stored.NONE; // released nodes, through older
    private int freeCount;

    /** MS1, MS3, MS4: holds {@code message}, in a node used before if one is free. */
    Stored add(Message message, Instant sentAt, long seq, Lane lane) {
        Stored s;
        if (free != Stored.NONE) {
            s = nodes[free];
            free = s.older;
            freeCount--;
        } else {
            s = newNode();
        }
        s.set(message, sentAt, seq, lane);
        int before = byId.put(message.id(), s.handle);
        if (before != IdIndex.ABSENT) {
            byId.put(message.id(), before);
            keep(s);
            throw new IllegalStateException("MS1: message id " + message.id() + " is held already");
        }
        s.older = newest; // MS2
        s.newer = Stored.NONE;
        if (newest != Stored.NONE) {
            nodes[newest].newer = s.handle;
        } else {
            oldest = s.handle;
        }
        newest = s.handle;
        return s;
    }

    /** MS1: the held node of {@code id}, or null. */
    Stored get(String id) {
        int handle = byId.get(id);
        return handle == IdIndex.ABSENT ? null : nodes[handle];
    }

    boolean contains(String id) {
        return byId.get(id) != IdIndex.ABSENT;
    }

    /** MS2: stops holding {@code s}, which the caller keeps (a dead letter) or {@link #release}s. */
    void remove(Stored s) {
        byId.remove(s.message.id());
        if (s.older != Stored.NONE) {
            nodes[s.older].newer = s.newer;
        } else {
            oldest = s.newer;
        }
        if (s.newer != Stored.NONE) {
            nodes[s.newer].older = s.older;
        } else {
            newest = s.older;
        }
        s.older = Stored.NONE;
        s.newer = Stored.NONE;
    }

    /** MS3: {@code s}, removed and no longer referenced by the queue, may serve a later message. */
    void release(Stored s) {
        if (s.message == null || s.handle == oldest || s.older != Stored.NONE || s.newer != Stored.NONE || s.held()) {
            throw new IllegalStateException("MS3: a node released while still held, or twice");
        }
        keep(s);
    }

    /** MS3, MS4: a free node waits for a later send, or, past {@value #FREE_MAX} of them, leaves the arena. */
    private void keep(Stored s) {
        s.set(null, null, 0, null); // a stale reference to it reads nothing of the next message
        if (freeCount < FREE_MAX) {
            s.older = free;
            free = s.handle;
            freeCount++;
        } else {
            nodes[s.handle] = null;
            if (droppedCount == dropped.length) {
                dropped = Arrays.copyOf(dropped, 2 * droppedCount);
            }
            dropped[droppedCount++] = s.handle;
        }
    }

    private Stored newNode() {
        int handle = droppedCount > 0 ? dropped[--droppedCount] : handles++;
        if (handle == nodes.length) {
            nodes = Arrays.copyOf(nodes, 2 * handle);
        }
        return nodes[handle] = new Stored(handle);
    }

    /** MS2: the held node added first, or null. */
    Stored oldest() {
        return oldest == Stored.NONE ? null : nodes[oldest];
    }

    int size() {
        return byId.size();
    }
}
