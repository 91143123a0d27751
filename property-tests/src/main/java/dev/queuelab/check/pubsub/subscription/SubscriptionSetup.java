package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's topic and subscriptions: topic {@code t}, the dead-letter topic {@code dead} with its subscription
 * {@code dead-letters} (read in the final drain), and the subscriptions the subscribers use: A and B exist from
 * the start, L is created by a {@link SubscriptionStep.Subscribe} step.
 *
 * @param subscriptions each subscription's settings, by name
 */
public record SubscriptionSetup(List<Spec> subscriptions) {

    public static final String TOPIC = "t";
    public static final String DEAD_TOPIC = "dead";
    public static final String DEAD_SUBSCRIPTION = "dead-letters";
    public static final String LATE = "L";

    public SubscriptionSetup {
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * One subscription's settings.
     *
     * @param maxAttempts the dead-letter policy's max delivery attempts, 0 for none
     */
    public record Spec(
            String name, int ackDeadline, boolean ordering, int maxAttempts, boolean retainAcked, int retention) {

        public SubscriptionConfig config() {
            SubscriptionConfig c = new SubscriptionConfig(
                    TOPIC,
                    Duration.ofSeconds(ackDeadline),
                    ordering,
                    Optional.empty(),
                    retainAcked,
                    Duration.ofSeconds(retention));
            return maxAttempts > 0 ? c.withDeadLetter(DEAD_TOPIC, maxAttempts) : c;
        }

        boolean late() {
            return name.equals(LATE);
        }

        @Override
        public String toString() {
            return name + " (deadline " + ackDeadline + "s" + (ordering ? ", ordered" : "")
                    + (maxAttempts > 0 ? ", dead letters after " + maxAttempts : "")
                    + (retainAcked ? ", keeps acked" : "") + ", retention " + retention + "s)";
        }
    }

    public Optional<Spec> spec(String name) {
        return subscriptions.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Simpler setups for the shrinker: one subscription fewer, then each setting at its plainest. */
    List<SubscriptionSetup> simpler() {
        List<SubscriptionSetup> out = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            if (subscriptions.size() > 1) {
                List<Spec> fewer = new ArrayList<>(subscriptions);
                fewer.remove(i);
                out.add(new SubscriptionSetup(fewer));
            }
            Spec s = subscriptions.get(i);
            for (Spec plainer : List.of(
                    new Spec(s.name(), 10, s.ordering(), s.maxAttempts(), s.retainAcked(), s.retention()),
                    new Spec(s.name(), s.ackDeadline(), false, s.maxAttempts(), s.retainAcked(), s.retention()),
                    new Spec(s.name(), s.ackDeadline(), s.ordering(), 0, s.retainAcked(), s.retention()),
                    new Spec(s.name(), s.ackDeadline(), s.ordering(), s.maxAttempts(), false, s.retention()),
                    new Spec(s.name(), s.ackDeadline(), s.ordering(), s.maxAttempts(), s.retainAcked(), 604800))) {
                if (!plainer.equals(s)) {
                    List<Spec> changed = new ArrayList<>(subscriptions);
                    changed.set(i, plainer);
                    out.add(new SubscriptionSetup(changed));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "topic t, subscriptions " + subscriptions + ", dead-letter topic dead read by " + DEAD_SUBSCRIPTION;
    }
}
