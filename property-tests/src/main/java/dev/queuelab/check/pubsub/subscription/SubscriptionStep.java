package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a subscriptions scenario. Steps name what they act on symbolically ("the nth delivery the subscriber
 * of A holds, oldest first", "the publish time of the nth message"), never by an ack id, so that a scenario stays
 * meaningful when the shrinker removes the steps around it. A step whose target is missing is skipped and said so.
 */
public sealed interface SubscriptionStep extends ScenarioStep {

    /** Most steps have no simpler form. */
    @Override
    default List<SubscriptionStep> simpler() {
        return List.of();
    }

    /** The publisher publishes the next message, with ordering key k{key} when key is above 0. */
    record Publish(int key, boolean attributed) implements SubscriptionStep {
        Publish(int key) {
            this(key, false);
        }

        @Override
        public List<SubscriptionStep> simpler() {
            List<SubscriptionStep> out = new ArrayList<>();
            if (key != 0) {
                out.add(new Publish(0, attributed));
            }
            if (attributed) {
                out.add(new Publish(key, false));
            }
            return out;
        }
    }

    /** The operator creates the late subscription L: it must get only what is published from now on. */
    record Subscribe() implements SubscriptionStep {}

    /** The subscriber of {@code subscription} pulls up to {@code max} messages and holds them. */
    record Pull(String subscription, int max) implements SubscriptionStep {
        @Override
        public List<SubscriptionStep> simpler() {
            // a pull whose lease is then let run out is, to a story, a pull and a nack: one step instead of two
            return max == 10
                    ? List.of(new PullAndNack(subscription))
                    : List.of(new Pull(subscription, 10), new PullAndNack(subscription));
        }
    }

    /** The subscriber of {@code subscription} processes and acks the nth delivery it holds (oldest first). */
    record Ack(String subscription, int nth) implements SubscriptionStep {
        @Override
        public List<SubscriptionStep> simpler() {
            return nth == 0 ? List.of() : List.of(new Ack(subscription, 0));
        }
    }

    /** The subscriber sets its nth delivery's deadline to {@code seconds} from now; 0 is a nack. */
    record ModifyDeadline(String subscription, int nth, int seconds) implements SubscriptionStep {
        @Override
        public List<SubscriptionStep> simpler() {
            return nth == 0 ? List.of() : List.of(new ModifyDeadline(subscription, 0, seconds));
        }
    }

    /** A failing subscriber: it pulls up to 10 and nacks everything it got (several calls, one step). */
    record PullAndNack(String subscription) implements SubscriptionStep {}

    /** Time passes. */
    record Tick(int seconds) implements SubscriptionStep {
        @Override
        public List<SubscriptionStep> simpler() {
            List<SubscriptionStep> out = new ArrayList<>();
            for (int s : new int[] {1, 5, 10}) {
                if (s < seconds) {
                    out.add(new Tick(s));
                }
            }
            return out;
        }

        /** Two ticks in a row are one tick of both lengths. */
        @Override
        public Optional<SubscriptionStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds)) : Optional.empty();
        }
    }

    /**
     * The operator seeks {@code subscription} to the publish time of the nth message published (from the first),
     * plus {@code offsetSeconds}: a seek that lands exactly on a publish, or a second either side of it.
     */
    record Seek(String subscription, int nth, int offsetSeconds) implements SubscriptionStep {
        @Override
        public List<SubscriptionStep> simpler() {
            List<SubscriptionStep> out = new ArrayList<>();
            if (offsetSeconds != 0) {
                out.add(new Seek(subscription, nth, 0));
            }
            if (nth != 0) {
                out.add(new Seek(subscription, 0, offsetSeconds));
            }
            return out;
        }
    }

    /** The operator takes a snapshot of {@code subscription}. */
    record TakeSnapshot(String subscription) implements SubscriptionStep {}

    /** The operator seeks {@code subscription} to the latest snapshot taken of it. */
    record SeekSnapshot(String subscription) implements SubscriptionStep {}
}
