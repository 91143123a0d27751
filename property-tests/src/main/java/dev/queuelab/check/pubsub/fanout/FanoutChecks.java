package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The fanout's binding: how a scenario runs on one topic, and the model that judges it. */
public final class FanoutChecks
        implements Binding<
                TopicConfig,
                FanoutStep,
                FanoutCapabilities,
                BiFunction<TopicConfig, InstantSource, Topic>,
                FanoutEvent> {

    public static final FanoutChecks BINDING = new FanoutChecks();

    private FanoutChecks() {}

    @Override
    public String topology() {
        return "fanout";
    }

    @Override
    public List<FanoutProperty> properties() {
        return List.of(FanoutProperty.values());
    }

    @Override
    public History<TopicConfig, FanoutCapabilities, FanoutEvent> run(
            BiFunction<TopicConfig, InstantSource, Topic> factory,
            FanoutCapabilities capabilities,
            Scenario<TopicConfig, FanoutStep> scenario) {
        return new Runner<TopicConfig, FanoutStep, FanoutCapabilities, FanoutEvent>(
                        (config, clock) -> new Play(factory, config, clock), SimClockDriver::new)
                .run(scenario, capabilities);
    }

    @Override
    public Model<FanoutEvent> model(History<TopicConfig, FanoutCapabilities, FanoutEvent> history) {
        return new FanoutModel(history.config());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "topic",
                "each subscription's consumer receives and acks until its queue is empty; each dead-letter queue is read",
                "docs/pub-sub/fanout.md");
    }

    /** The publisher's and consumers' side of one run; publications are named p1, p2... */
    private static final class Play implements Runner.Play<FanoutStep, FanoutEvent> {
        final BiFunction<TopicConfig, InstantSource, Topic> factory;
        final TopicConfig config;
        final ClockDriver clock;
        final List<FanoutEvent> events = new ArrayList<>();
        final Set<String> subscriptions = new LinkedHashSet<>();
        Topic topic;
        int step;
        int published;

        Play(BiFunction<TopicConfig, InstantSource, Topic> factory, TopicConfig config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            topic = factory.apply(config, clock.clock());
        }

        @Override
        public void perform(FanoutStep s) {
            step++;
            if (s instanceof FanoutStep.Subscribe sub) {
                if (!subscriptions.add(sub.subscription())) {
                    events.add(
                            new FanoutEvent.Skipped(step, clock.now(), "subscribe " + sub.subscription(), "it exists"));
                    return;
                }
                topic.subscribe(sub.subscription(), sub.config());
                events.add(new FanoutEvent.Subscribed(step, clock.now(), sub.subscription(), sub.config()));
            } else if (s instanceof FanoutStep.Publish p) {
                published++;
                Publication publication = new Publication(
                        "p" + published,
                        p.attributes(),
                        p.body(),
                        config.fifo() ? p.group() : null,
                        config.fifo() ? p.dedupId() : null);
                events.add(new FanoutEvent.Published(step, clock.now(), publication, topic.publish(publication)));
            } else if (s instanceof FanoutStep.Refuse r) {
                if (known(r.subscription(), "refuse")) {
                    topic.refuse(r.subscription(), r.refusing());
                    events.add(new FanoutEvent.Refused(step, clock.now(), r.subscription(), r.refusing()));
                }
            } else if (s instanceof FanoutStep.Consume c) {
                if (known(c.subscription(), "consume")) {
                    events.add(consume(c.subscription(), c.max()));
                }
            } else if (s instanceof FanoutStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new FanoutEvent.Ticked(step, clock.now(), t.seconds()));
            }
        }

        private boolean known(String subscription, String what) {
            if (subscriptions.contains(subscription)) {
                return true;
            }
            events.add(new FanoutEvent.Skipped(step, clock.now(), what + " " + subscription, "no such subscription"));
            return false;
        }

        /** Receives up to max and acks each, as a consumer that is up does. */
        private FanoutEvent consume(String subscription, int max) {
            List<Delivery> got =
                    topic.queue(subscription).receive("consumer", Math.min(max, WorkQueueConfig.MAX_BATCH));
            List<Message> messages = new ArrayList<>();
            for (Delivery d : got) {
                topic.queue(subscription).ack(d.receipt());
                messages.add(d.message());
            }
            return new FanoutEvent.Consumed(step, clock.now(), subscription, max, messages);
        }

        @Override
        public void drain() {
            for (String s : subscriptions) {
                FanoutEvent.Consumed last;
                int rounds = 0;
                do {
                    step++;
                    last = (FanoutEvent.Consumed) consume(s, WorkQueueConfig.MAX_BATCH);
                    events.add(last);
                } while (!last.messages().isEmpty() && ++rounds < 100);
                step++;
                events.add(new FanoutEvent.DeadLetters(step, clock.now(), s, topic.deadLetters(s)));
            }
        }

        @Override
        public FanoutEvent threw(RuntimeException e) {
            return new FanoutEvent.Threw(step, clock.now(), "the call of step " + step, e.toString());
        }

        @Override
        public List<FanoutEvent> events() {
            return events;
        }
    }
}
