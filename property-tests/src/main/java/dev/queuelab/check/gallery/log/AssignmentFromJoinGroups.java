package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.GroupCoordinator;
import dev.queuelab.reference.log.LogRules;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bug gallery (log): A group coordinator that answers {@code assignment()} from what each member was given
 * when it joined, as a client-side cache would: after another member's join rebalances the group, the member
 * still "owns" its old partitions in the old generation, and after it leaves it still owns them. A part
 * handed to the reference log in place of its own ({@code KafkaLog.builder(...).groups(...)}).
 *
 * <p>Caught as {@code assignment-disagrees}.
 */
public final class AssignmentFromJoinGroups extends GroupCoordinator {

    private final Map<String, Assignment> givenAtJoin = new HashMap<>(); // guarded by the log's monitor

    public AssignmentFromJoinGroups(LogConfig config, LogRules rules) {
        super(config, rules);
    }

    @Override
    public Assignment join(String group, String memberId, Instant now) {
        Assignment a = super.join(group, memberId, now);
        givenAtJoin.put(group + "/" + memberId, a);
        return a;
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        return Optional.ofNullable(givenAtJoin.get(group + "/" + memberId));
    }
}
