package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Compares a commit's generation before asking whether its member still belongs to the
 * group: a consumer whose session expired, or that left, is told ILLEGAL_GENERATION ("rejoin and carry on
 * in the new generation") where Kafka answers UNKNOWN_MEMBER_ID ("you are gone: join as a new member").
 *
 * <p>Caught as {@code invalid-answer}.
 */
public final class GenerationBeforeMembershipLog extends KafkaLog {

    public GenerationBeforeMembershipLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        if (generation != describeGroup(group).generation()) {
            return CommitOutcome.ILLEGAL_GENERATION;
        }
        return super.commit(group, memberId, generation, partition, offset);
    }
}
