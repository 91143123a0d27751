package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's queues by name, and the queues of a route found once: a fanout or direct exchange's router
 * answers the same list until a binding changes, so the queues it names are looked up by name once, not at
 * every publish.
 *
 * <p>Teaches: what a publish must not redo per message is work that only a binding or a declaration changes.
 * Invariants: EX1 holds through the cache: a cached route answers exactly the queues its list names now, since
 * every declaration, deletion and binding forgets it; a list seen once (a topic exchange makes one per publish)
 * is never cached, so caching costs such a publish no array.
 *   EX14 a queue or an exchange declared again with the same arguments stays as it was (its messages, its
 *       bindings); declared with other arguments, it is refused and stays as it was (RabbitMQ answers 406
 *       PRECONDITION_FAILED, "inequivalent arg", rabbitmq.com/docs/queues#property-equivalence).
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: RabbitMQ finds each routed queue from its name at every publish (rabbit_amqqueue:lookup); this
 * cache is the kit's, for an exchange whose list of queues stays the same object between bindings.
 */
final class QueueTable {

    private final Map<String, BrokerQueue> queues = new LinkedHashMap<>();
    /** The last list asked for, by identity: asked for twice running, it is cached. */
    private List<Destination> seen;

    private List<Destination> cachedRoute;
    private BrokerQueue[] cachedQueues;
    private boolean cachedUnlimited;

    /** EX14: a queue declared again as it is keeps its messages; declared otherwise, it is refused. */
    void declare(QueueSpec spec, Instant now) {
        BrokerQueue q = queues.get(spec.name());
        if (q != null) {
            if (!q.spec().equals(spec)) {
                throw new IllegalArgumentException("queue '" + spec.name() + "' exists as " + q.spec()
                        + ": RabbitMQ refuses a declaration with other arguments (PRECONDITION_FAILED, inequivalent"
                        + " arg); declare it as it is, or under another name");
            }
            return;
        }
        queues.put(spec.name(), new BrokerQueue(spec, now));
        forgetRoutes();
    }

    BrokerQueue get(String name) {
        return queues.get(name);
    }

    boolean contains(String name) {
        return queues.containsKey(name);
    }

    Collection<BrokerQueue> all() {
        return queues.values();
    }

    /** x-expires (EX13): takes out and answers the queues unused for their x-expires. */
    List<BrokerQueue> removeExpired(Instant now) {
        List<BrokerQueue> gone = new ArrayList<>(0);
        for (Iterator<BrokerQueue> i = queues.values().iterator(); i.hasNext(); ) {
            BrokerQueue q = i.next();
            if (q.expired(now)) {
                i.remove();
                gone.add(q);
            }
        }
        if (!gone.isEmpty()) {
            forgetRoutes();
        }
        return gone;
    }

    /** A queue declared or deleted, or a binding made: every route's queues are looked up by name again. */
    void forgetRoutes() {
        seen = null;
        cachedRoute = null;
        cachedQueues = null;
        cachedUnlimited = false;
    }

    /**
     * The queue of each destination of {@code route}, in its order, when this list is cached or was also the
     * last one asked for (then it is cached now); else null, and the caller looks each up by name.
     */
    BrokerQueue[] cached(List<Destination> route) {
        if (route == cachedRoute) {
            return cachedQueues;
        }
        if (route != seen) {
            seen = route;
            return null;
        }
        BrokerQueue[] found = new BrokerQueue[route.size()];
        boolean unlimited = true;
        for (int i = 0; i < found.length; i++) {
            found[i] = queues.get(route.get(i).name());
            unlimited &= !found[i].limited();
        }
        cachedRoute = route;
        cachedQueues = found;
        cachedUnlimited = unlimited;
        return found;
    }

    /** Whether no queue of the cached route has a length limit (a queue's limits never change: EX14). */
    boolean cachedUnlimited() {
        return cachedUnlimited;
    }
}
