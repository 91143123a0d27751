package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.XDeath;
import java.util.ArrayList;
import java.util.List;

/**
 * How a broker orders a message's x-death as its deaths add up. The harness picks it for the broker it checks
 * (from the version the broker's server announces), never the broker under test.
 *
 * <ul>
 *   <li>{@link #DOCUMENTED}: most recent first, a queue and reason that dies again counted up and moved to the
 *       front ("ordered by recency", rabbitmq.com/docs/dlx); what RabbitMQ 3.13 and later record, the reference,
 *       the exercises and every other broker are held to;
 *   <li>{@link #BEFORE_3_13}: RabbitMQ 3.12 and earlier. Before it records a death, {@code rabbit_dead_letter}
 *       regroups the entries by queue and reason ({@code group_by_queue_and_reason}), a fold that reverses them
 *       when there are two or more; the new or counted-up entry then goes in front of the reversed rest. Its cycle
 *       detection reads the list in that order too.
 * </ul>
 */
public enum XDeathOrder {
    DOCUMENTED,
    BEFORE_3_13;

    /**
     * The entries before {@code death} is recorded, in the order the new entry goes in front of (the one of the
     * same queue and reason, if any, is taken out by the caller).
     */
    List<XDeath> olderEntries(List<XDeath> deaths) {
        if (this == DOCUMENTED || deaths.size() < 2) {
            return deaths;
        }
        List<XDeath> reversed = new ArrayList<>(deaths);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /**
     * The order of a RabbitMQ server of {@code version} (its {@code version} server property, "3.10.8" or
     * "4.1.0"): {@link #BEFORE_3_13} for 3.12 and earlier, else {@link #DOCUMENTED}, also when the version cannot
     * be read.
     */
    public static XDeathOrder ofRabbitMq(String version) {
        String[] parts = version == null ? new String[0] : version.trim().split("[.+-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            return major < 3 || (major == 3 && minor < 13) ? BEFORE_3_13 : DOCUMENTED;
        } catch (RuntimeException unreadable) {
            return DOCUMENTED;
        }
    }
}
