package dev.queuelab.brokers;

import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A real broker {@code queuelab brokers} can check: how it is started (or reached at a user's address), and the
 * topology suite it runs. The extension point for another broker (RabbitMQ, Redis): a class implementing this,
 * one line in {@link Brokers#ALL}, and its rows in {@link Differences}.
 */
public interface BrokerTarget {

    /** The name on the command line: "kafka", "sqs". */
    String name();

    /** One line: the product, the topology it is checked as, and what queuelab starts for it. */
    String about();

    /** The option that points the check at a user's own broker: "--bootstrap-servers". */
    String addressOption();

    /** Default trials per property: a few, because each waits for real time. */
    int defaultTrials();

    /**
     * Checks the broker (started by queuelab when {@code address} is empty); prints the report; answers how many
     * properties failed.
     */
    int check(Optional<String> address, Settings settings, Optional<String> property, PrintWriter out);

    /** Runs {@code traces} random traces on the reference and the broker in lock step; answers the real bugs. */
    int diff(Optional<String> address, int traces, long seed, PrintWriter out);
}
