package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Bug gallery (log): Assigns by range whatever assignor the group asked for: the shares a round-robin group
 * plans for (and its consumers' load) are not the ones it gets.
 *
 * <p>Caught as {@code wrong-assignment}.
 */
public final class AssignorAlwaysRangeLog extends KafkaLog {

    public AssignorAlwaysRangeLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        return super.assign(Assignor.RANGE, members, partitions, previous);
    }
}
