package dev.queuelab.check.semantics;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Registry;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import dev.queuelab.reference.semantics.Channel;
import dev.queuelab.reference.semantics.Consumer;
import dev.queuelab.reference.semantics.EffectStore;
import dev.queuelab.reference.semantics.FanoutBroker;
import dev.queuelab.reference.semantics.MemoryDedupeStore;
import dev.queuelab.reference.semantics.Pipeline;
import dev.queuelab.reference.semantics.Producer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The delivery-semantics binding: pipelines by the promise each makes, and the bug gallery of pipelines held
 * to a promise they do not keep. A run's effects are recorded in the checker's own {@link EffectStore}.
 */
public final class DeliveryChecks
        implements Binding<DeliveryConfig, DeliveryStep, DeliveryPromise, PipelineFactory, DeliveryEvent> {

    public static final DeliveryChecks BINDING = new DeliveryChecks();

    /** A key is remembered far longer than any scenario's redelivery window. */
    static final Duration LONG_TTL = Duration.ofHours(1);

    static final int MAX_KEYS = 10_000;

    public static final Registry<PipelineFactory, DeliveryPromise> PIPELINES = new Registry<
                    PipelineFactory, DeliveryPromise>("delivery", false)
            .add(
                    "reference",
                    queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.IDEMPOTENT, LONG_TTL),
                    DeliveryPromise.exactlyOnceEffect(LONG_TTL, 2))
            .add(
                    "at-most-once",
                    queue(Producer.Mode.FIRE_AND_FORGET, Consumer.Mode.ACK_BEFORE_EFFECT, null),
                    DeliveryPromise.atMostOnce())
            .add(
                    "at-least-once",
                    queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.ACK_AFTER_EFFECT, null),
                    DeliveryPromise.atLeastOnce())
            .add(
                    "idempotent-log",
                    log(Consumer.Mode.IDEMPOTENT, LONG_TTL),
                    DeliveryPromise.exactlyOnceEffect(LONG_TTL, 1))
            .add("log-transaction", log(Consumer.Mode.LOG_TRANSACTION, null), DeliveryPromise.exactlyOnceInLog())
            .add(
                    "idempotent-fanout",
                    fanout(Consumer.Mode.IDEMPOTENT, LONG_TTL, true),
                    DeliveryPromise.exactlyOnceEffect(LONG_TTL, 3).perSubscription(FanoutBroker.SUBSCRIPTIONS))
            .add(
                    "at-least-once-fanout",
                    fanout(Consumer.Mode.ACK_AFTER_EFFECT, null, true),
                    DeliveryPromise.atLeastOnce().perSubscription(FanoutBroker.SUBSCRIPTIONS))
            .addVariant(
                    "gallery.at-most-once-loses",
                    queue(Producer.Mode.FIRE_AND_FORGET, Consumer.Mode.ACK_BEFORE_EFFECT, null),
                    DeliveryPromise.exactlyOnceEffect(Duration.ZERO, 2),
                    "effect-lost")
            .addVariant(
                    "gallery.at-least-once-duplicates",
                    queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.ACK_AFTER_EFFECT, null),
                    new DeliveryPromise(true, false, false, Duration.ZERO, 2),
                    "effect-duplicated")
            .addVariant(
                    "gallery.dedupe-key-expired",
                    queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.IDEMPOTENT, Duration.ofSeconds(1)),
                    DeliveryPromise.exactlyOnceEffect(Duration.ofSeconds(1), 2),
                    "duplicate-after-key-expired")
            .addVariant(
                    "gallery.mark-after-effect",
                    queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.MARK_AFTER_EFFECT, LONG_TTL),
                    DeliveryPromise.exactlyOnceEffect(LONG_TTL, 2),
                    "effect-duplicated")
            .addVariant(
                    "gallery.transaction-external-effect",
                    log(Consumer.Mode.LOG_TRANSACTION, null),
                    new DeliveryPromise(true, false, true, Duration.ZERO, 1),
                    "effect-duplicated")
            .addVariant(
                    "gallery.fanout-shared-dedupe",
                    fanout(Consumer.Mode.IDEMPOTENT, LONG_TTL, false),
                    DeliveryPromise.exactlyOnceEffect(LONG_TTL, 3).perSubscription(FanoutBroker.SUBSCRIPTIONS),
                    "effect-lost")
            .addVariant(
                    "gallery.output-outside-transaction",
                    log(Consumer.Mode.LOG_WRITE_THEN_COMMIT, null),
                    DeliveryPromise.exactlyOnceInLog(),
                    "output-duplicated");

    private DeliveryChecks() {}

    /** A pipeline on the reference work queue with the scenario's visibility timeout. */
    public static PipelineFactory queue(Producer.Mode producer, Consumer.Mode consumer, Duration ttl) {
        return (config, clock, effects) -> Pipeline.onWorkQueue(
                WorkQueueConfig.standardQueue().withVisibilityTimeout(config.visibility()),
                clock,
                effects,
                producer,
                consumer,
                ttl == null ? Optional.empty() : Optional.of(new MemoryDedupeStore(ttl, MAX_KEYS, clock)));
    }

    /** A pipeline on the reference log with an idempotent producer. */
    public static PipelineFactory log(Consumer.Mode consumer, Duration ttl) {
        return (config, clock, effects) -> Pipeline.onLog(
                clock,
                effects,
                Producer.Mode.IDEMPOTENT,
                consumer,
                ttl == null ? Optional.empty() : Optional.of(new MemoryDedupeStore(ttl, MAX_KEYS, clock)));
    }

    /**
     * A pipeline on durable fanout (a topic with two subscriptions, each a reference work queue with the
     * scenario's visibility timeout), its dedupe store keyed per subscription or, wrongly, by message alone.
     */
    public static PipelineFactory fanout(Consumer.Mode consumer, Duration ttl, boolean dedupePerSubscription) {
        return (config, clock, effects) -> Pipeline.onFanout(
                WorkQueueConfig.standardQueue().withVisibilityTimeout(config.visibility()),
                clock,
                effects,
                Producer.Mode.RETRY_UNTIL_ACKED,
                consumer,
                ttl == null ? Optional.empty() : Optional.of(new MemoryDedupeStore(ttl, MAX_KEYS, clock)),
                dedupePerSubscription);
    }

    @Override
    public String topology() {
        return "delivery";
    }

    @Override
    public List<DeliveryProperty> properties() {
        return List.of(DeliveryProperty.values());
    }

    @Override
    public History<DeliveryConfig, DeliveryPromise, DeliveryEvent> run(
            PipelineFactory factory, DeliveryPromise promise, Scenario<DeliveryConfig, DeliveryStep> scenario) {
        return new Runner<DeliveryConfig, DeliveryStep, DeliveryPromise, DeliveryEvent>(
                        (config, clock) -> new Play(factory, config, clock), SimClockDriver::new)
                .run(scenario, promise);
    }

    @Override
    public Model<DeliveryEvent> model(History<DeliveryConfig, DeliveryPromise, DeliveryEvent> history) {
        return new DeliveryModel(history.capabilities());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "pipeline",
                "the network heals, the producer retries what is unacknowledged, each consumer finishes what it"
                        + " holds, and C1 (on fanout, C1 and C2: one per subscription) receives past every lease until nothing"
                        + " comes",
                "docs/delivery-semantics.md");
    }

    /** The clients' side of one run: performs each step on the pipeline and records what the world saw. */
    static final class Play implements Runner.Play<DeliveryStep, DeliveryEvent> {
        private final PipelineFactory factory;
        private final DeliveryConfig config;
        private final ClockDriver clock;
        private final List<DeliveryEvent> events = new ArrayList<>();
        private final List<String> consumers = new ArrayList<>();
        private EffectStore effects;
        private Pipeline pipeline;
        private int step;
        private int published;
        private int effectsSeen;
        private String doing = "creating the pipeline";

        Play(PipelineFactory factory, DeliveryConfig config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            effects = new EffectStore(clock.clock());
            pipeline = factory.make(config, clock.clock(), effects);
        }

        @Override
        public void perform(DeliveryStep s) {
            step++;
            if (s instanceof DeliveryStep.Publish) {
                String key = "k" + (++published);
                call("P", "P publishes " + key, () -> pipeline.publish(key), false);
            } else if (s instanceof DeliveryStep.Transmit t) {
                call(
                        "network",
                        "network " + verb(t.fault()) + " the oldest request",
                        () -> pipeline.transmit(t.fault()),
                        t.fault() != Channel.Fault.NONE);
            } else if (s instanceof DeliveryStep.Delay) {
                call("network", "network delays the oldest request", pipeline::delay, true);
            } else if (s instanceof DeliveryStep.Reorder) {
                call("network", "network reorders the two oldest requests", pipeline::reorder, true);
            } else if (s instanceof DeliveryStep.Retry) {
                call("P", "P's retry timer fires", pipeline::retry, false);
            } else if (s instanceof DeliveryStep.Receive r) {
                String c = consumer(r.consumer());
                call(c, c + " receives", () -> pipeline.receive(c), false);
            } else if (s instanceof DeliveryStep.Advance a) {
                String c = consumer(a.consumer());
                String stage = pipeline.nextStage(c).orElse("next stage");
                call(c, c + " does its " + stage, () -> pipeline.advance(c), false);
            } else if (s instanceof DeliveryStep.Crash k) {
                String c = consumer(k.consumer());
                call(c, c + " crashes and restarts", () -> pipeline.crash(c), true);
            } else if (s instanceof DeliveryStep.Tick t) {
                tick(Duration.ofSeconds(t.seconds()));
            }
        }

        @Override
        public void drain() {
            for (String c : consumers) {
                while (pipeline.nextStage(c).isPresent()) {
                    step++;
                    call(c, c + " finishes: its " + pipeline.nextStage(c).get(), () -> pipeline.advance(c), false);
                }
            }
            for (int round = 0; round < 50 && (pipeline.inFlight() > 0 || pipeline.unacknowledged() > 0); round++) {
                if (pipeline.inFlight() == 0) {
                    step++;
                    call("P", "P's retry timer fires", pipeline::retry, false);
                }
                while (pipeline.inFlight() > 0) {
                    step++;
                    call(
                            "network",
                            "network delivers the oldest request",
                            () -> pipeline.transmit(Channel.Fault.NONE),
                            false);
                }
            }
            for (String c : pipeline.drainers()) {
                int idle = 0;
                for (int round = 0; round < 500 && idle < 2; round++) {
                    step++;
                    if (call(c, c + " receives", () -> pipeline.receive(c), false)
                            .equals("nothing")) {
                        idle++;
                        tick(config.visibility().plusSeconds(1));
                        continue;
                    }
                    while (pipeline.nextStage(c).isPresent()) {
                        step++;
                        call(c, c + " does its " + pipeline.nextStage(c).get(), () -> pipeline.advance(c), false);
                    }
                }
            }
            Optional<List<String>> output = pipeline.committedOutput();
            if (output.isPresent()) {
                step++;
                events.add(new DeliveryEvent.Output(step, clock.now(), output.get()));
            }
        }

        private void tick(Duration d) {
            clock.advance(d);
            events.add(new DeliveryEvent.Call(
                    step,
                    clock.now(),
                    "clock",
                    d.toSeconds() + "s pass",
                    "now " + clock.now().getEpochSecond() % 86_400 + "s",
                    false));
        }

        private String call(String process, String action, Supplier<String> what, boolean fault) {
            doing = action;
            String answer = what.get();
            events.add(new DeliveryEvent.Call(step, clock.now(), process, action, answer, fault));
            for (EffectStore.Effect e : effects.since(effectsSeen + 1)) {
                events.add(new DeliveryEvent.Effected(step, e.at(), e.key(), e.by(), e.number()));
                effectsSeen++;
            }
            return answer;
        }

        private String consumer(int n) {
            String c = "C" + n;
            if (!consumers.contains(c)) {
                consumers.add(c);
            }
            return c;
        }

        private static String verb(Channel.Fault fault) {
            return switch (fault) {
                case NONE -> "delivers";
                case DROP_REQUEST -> "drops";
                case DROP_ANSWER -> "delivers, and loses the answer to,";
                case DUPLICATE -> "duplicates";
            };
        }

        @Override
        public DeliveryEvent threw(RuntimeException e) {
            return new DeliveryEvent.Threw(step, clock.now(), doing, e.toString());
        }

        @Override
        public List<DeliveryEvent> events() {
            return events;
        }
    }
}
