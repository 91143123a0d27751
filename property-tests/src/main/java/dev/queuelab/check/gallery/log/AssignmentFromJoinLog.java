package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bug gallery (log): Answers {@code assignment()} from what each member was given when it joined, as a
 * client-side cache would: after another member's join rebalances the group, the member still "owns" its
 * old partitions in the old generation, and after it leaves it still owns them.
 *
 * <p>Caught as {@code assignment-disagrees}.
 */
public final class AssignmentFromJoinLog extends KafkaLog {

    private final Map<String, Assignment> givenAtJoin = new ConcurrentHashMap<>();

    public AssignmentFromJoinLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public Assignment join(String group, String memberId) {
        Assignment a = super.join(group, memberId);
        givenAtJoin.put(group + "/" + memberId, a);
        return a;
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        return Optional.ofNullable(givenAtJoin.get(group + "/" + memberId));
    }
}
