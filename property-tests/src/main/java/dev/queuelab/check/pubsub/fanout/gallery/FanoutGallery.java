package dev.queuelab.check.pubsub.fanout.gallery;

import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.reference.pubsub.fanout.FanoutRules;
import dev.queuelab.reference.pubsub.fanout.FilterMatcher;
import dev.queuelab.reference.pubsub.fanout.SnsTopic;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The fanout's bug gallery: each variant is the reference topic given one wrong rule. */
public final class FanoutGallery {

    private FanoutGallery() {}

    /** One broken topic and the anomaly that catches it. */
    public record Variant(String name, BiFunction<TopicConfig, InstantSource, Topic> factory, String expected) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant(
                    "missing-attribute-matches",
                    rules(new FanoutRules() {
                        /** anything-but read as "not equal", so a message without the key passes it. */
                        @Override
                        public boolean matches(FilterPolicy policy, Publication p) {
                            Map<String, ?> scope =
                                    policy.scope() == FilterPolicy.Scope.MESSAGE_BODY ? p.body() : p.attributes();
                            return FilterMatcher.matches(policy, p)
                                    || policy.alternatives().stream()
                                            .anyMatch(alt -> alt.entrySet().stream()
                                                    .allMatch(e -> !scope.containsKey(e.getKey())
                                                            && e.getValue().stream()
                                                                    .anyMatch(
                                                                            c -> c instanceof Condition.AnythingBut)));
                        }
                    }),
                    "filter-mismatch"),
            new Variant(
                    "stops-at-first-refusal",
                    rules(new FanoutRules() {
                        @Override
                        public boolean continuesPastRefusal() {
                            return false;
                        }
                    }),
                    "lost"),
            new Variant(
                    "dedup-per-subscription",
                    rules(new FanoutRules() {
                        @Override
                        public boolean dedupsAtTopic() {
                            return false;
                        }
                    }),
                    "dedup-window-violated"));

    private static BiFunction<TopicConfig, InstantSource, Topic> rules(FanoutRules rules) {
        return (config, clock) -> new SnsTopic(config, clock, rules, SqsWorkQueue::new);
    }
}
