package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.Guard;
import dev.queuelab.reference.workqueue.Operation;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Bug gallery (threads): Leaves the lock out of some operations, as a method added later by someone who did
 * not see the lock the others take: one thread at a time it is the reference, but while that operation runs,
 * another thread finds the maps, lanes and leases half-changed, and one of them is corrupted or lost.
 *
 * <p>Invisible to the single-threaded simulations, which are sequential by design; caught by the stress run
 * on real threads ({@code queuelab stress gallery.NAME}), whatever anomaly the race happens to cause.
 */
public final class UnguardedRules extends WorkQueueRules {

    private final Set<Operation> unguarded;

    public UnguardedRules(List<Operation> unguarded) {
        this.unguarded = EnumSet.copyOf(unguarded);
    }

    @Override
    protected Guard newGuard() {
        return new Guard() {
            @Override
            protected boolean guards(Operation operation) {
                return !unguarded.contains(operation);
            }
        };
    }
}
