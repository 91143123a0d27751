package dev.queuelab.reference.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Publication;

/**
 * The decisions of {@link SnsTopic}, one line each, so that a variant is the topic given other rules. {@link #SNS}
 * is SNS's.
 */
public interface FanoutRules {

    FanoutRules SNS = new FanoutRules() {};

    /** FO2 the filter policy. */
    default boolean matches(FilterPolicy policy, Publication p) {
        return FilterMatcher.matches(policy, p);
    }

    /** FO1 whether a publish goes on to the other subscriptions after one refused: always. */
    default boolean continuesPastRefusal() {
        return true;
    }

    /** FO5 whether the topic deduplicates (once, for the whole fanout): a FIFO topic does. */
    default boolean dedupsAtTopic() {
        return true;
    }
}
