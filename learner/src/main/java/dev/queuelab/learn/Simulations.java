package dev.queuelab.learn;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Event;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.semantics.DeliveryChecks;
import dev.queuelab.check.semantics.DeliveryConfig;
import dev.queuelab.check.semantics.DeliveryEvent;
import dev.queuelab.check.semantics.DeliveryPromise;
import dev.queuelab.check.semantics.DeliveryStep;
import dev.queuelab.check.semantics.PipelineFactory;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueEvent;
import dev.queuelab.check.workqueue.WorkQueueStep;
import dev.queuelab.reference.semantics.Channel;
import dev.queuelab.reference.semantics.Consumer;
import dev.queuelab.reference.semantics.FanoutBroker;
import dev.queuelab.reference.semantics.Producer;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named scenarios of {@code queuelab simulate}: each a fixed history of a pipeline, a work queue or a log,
 * run on the simulated clock and judged by the same model as the checks, so that a learner watches a promise
 * hold or break. The seed is not used by these fixed scenarios; it is accepted for the ones drawn from a seed.
 */
final class Simulations {

    /** A scenario's run: its events (the checker's drain included) and what the model found. */
    record Run(List<? extends Event> events, Optional<Anomaly> anomaly) {}

    /** A named scenario with its one-line description. */
    record Simulation(String name, String line, java.util.function.Supplier<Run> run) {}

    private static final DeliveryPromise NO_LOSS = new DeliveryPromise(false, true, false, Duration.ZERO, 2);
    private static final DeliveryPromise NO_DUPLICATE = new DeliveryPromise(true, false, false, Duration.ZERO, 2);
    private static final Duration LONG = Duration.ofHours(1);

    static final Map<String, Simulation> ALL = new LinkedHashMap<>();

    static {
        PipelineFactory atMostOnce =
                DeliveryChecks.queue(Producer.Mode.FIRE_AND_FORGET, Consumer.Mode.ACK_BEFORE_EFFECT, null);
        PipelineFactory atLeastOnce =
                DeliveryChecks.queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.ACK_AFTER_EFFECT, null);
        PipelineFactory idempotent =
                DeliveryChecks.queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.IDEMPOTENT, LONG);
        PipelineFactory transaction = DeliveryChecks.log(Consumer.Mode.LOG_TRANSACTION, null);
        PipelineFactory idempotentLog = DeliveryChecks.log(Consumer.Mode.IDEMPOTENT, LONG);
        delivery(
                "at-most-once-loses",
                "fire-and-forget: the network drops the request and nothing ever resends it",
                atMostOnce,
                NO_LOSS,
                30,
                publish(),
                send(Channel.Fault.DROP_REQUEST));
        delivery(
                "at-most-once-crash-after-ack",
                "ack before the effect: a crash between them loses the message",
                atMostOnce,
                NO_LOSS,
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1));
        delivery(
                "at-least-once-duplicates",
                "retry until acked: a lost answer makes the retry a second copy",
                atLeastOnce,
                NO_DUPLICATE,
                30,
                publish(),
                send(Channel.Fault.DROP_ANSWER),
                retry(),
                send(Channel.Fault.NONE));
        delivery(
                "at-least-once-crash-before-ack",
                "ack after the effect: a crash between them repeats the effect",
                atLeastOnce,
                NO_DUPLICATE,
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1));
        delivery(
                "idempotent-consumer",
                "retry plus a dedupe key marked with the effect: a copy and a crash, one" + " effect",
                idempotent,
                DeliveryPromise.exactlyOnceEffect(LONG, 2),
                30,
                publish(),
                send(Channel.Fault.DROP_ANSWER),
                retry(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1),
                receive(2),
                advance(2),
                advance(2));
        delivery(
                "dedupe-key-expired",
                "the dedupe key is kept 10s, the lease is 30s: the redelivery comes after the" + " key is gone",
                DeliveryChecks.queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.IDEMPOTENT, Duration.ofSeconds(10)),
                DeliveryPromise.exactlyOnceEffect(Duration.ofSeconds(10), 2),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1),
                new DeliveryStep.Tick(30));
        delivery(
                "mark-after-effect-crash",
                "the key marked in its own step after the effect: a crash between them" + " repeats the effect",
                DeliveryChecks.queue(Producer.Mode.RETRY_UNTIL_ACKED, Consumer.Mode.MARK_AFTER_EFFECT, LONG),
                DeliveryPromise.exactlyOnceEffect(LONG, 2),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1));
        delivery(
                "fanout-per-subscription",
                "durable fanout: each subscription gets its own copy and keeps its own dedupe key, so a crash in"
                        + " one repeats nothing and costs the other nothing",
                DeliveryChecks.fanout(Consumer.Mode.IDEMPOTENT, LONG, true),
                DeliveryPromise.exactlyOnceEffect(LONG, 2).perSubscription(FanoutBroker.SUBSCRIPTIONS),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1),
                receive(2),
                advance(2),
                advance(2));
        delivery(
                "fanout-shared-dedupe",
                "durable fanout with one dedupe table keyed by message: shipping skips its copy because billing"
                        + " marked it",
                DeliveryChecks.fanout(Consumer.Mode.IDEMPOTENT, LONG, false),
                DeliveryPromise.exactlyOnceEffect(LONG, 2).perSubscription(FanoutBroker.SUBSCRIPTIONS),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                receive(2),
                advance(2));
        delivery(
                "idempotent-producer",
                "the log remembers the producer's sequence numbers: a retried append is" + " answered DUPLICATE",
                idempotentLog,
                DeliveryPromise.exactlyOnceEffect(LONG, 1),
                30,
                publish(),
                send(Channel.Fault.DROP_ANSWER),
                retry(),
                send(Channel.Fault.NONE));
        delivery(
                "idempotent-producer-reordered",
                "two appends arrive out of order: the log refuses the gap, the" + " retry puts them in order",
                idempotentLog,
                DeliveryPromise.exactlyOnceEffect(LONG, 1),
                30,
                publish(),
                publish(),
                new DeliveryStep.Reorder(),
                send(Channel.Fault.NONE),
                send(Channel.Fault.NONE));
        delivery(
                "kafka-transaction-in-log",
                "read-process-write in a transaction: a crash aborts the output, the" + " retry commits it once",
                transaction,
                DeliveryPromise.exactlyOnceInLog(),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1),
                receive(1),
                advance(1),
                advance(1));
        delivery(
                "kafka-transaction-external-effect",
                "the same transaction: the effect outside the log happened" + " twice",
                transaction,
                new DeliveryPromise(true, false, true, Duration.ZERO, 1),
                30,
                publish(),
                send(Channel.Fault.NONE),
                receive(1),
                advance(1),
                crash(1),
                receive(1),
                advance(1),
                advance(1));
        WorkQueueConfig standard = WorkQueueConfig.standardQueue();
        queue(
                "visibility-timeout-too-short",
                "processing outlasts the 5s lease: B gets the message while A still" + " works, and A's ack is refused",
                standard.withVisibilityTimeout(Duration.ofSeconds(5)),
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Tick(6),
                new WorkQueueStep.Receive("B", 1, -1),
                new WorkQueueStep.Ack("A", 0),
                new WorkQueueStep.Ack("B", 0));
        queue(
                "extend-visibility",
                "A extends its lease before it runs out: B gets nothing, A's ack is taken",
                standard.withVisibilityTimeout(Duration.ofSeconds(5)),
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Tick(4),
                new WorkQueueStep.ChangeVisibility("A", 0, 30),
                new WorkQueueStep.Tick(4),
                new WorkQueueStep.Receive("B", 1, -1),
                new WorkQueueStep.Ack("A", 0));
        queue(
                "poison-message-to-dlq",
                "a message that crashes every consumer moves to the dead-letter queue on the"
                        + " receive past maxReceives 2",
                standard.withVisibilityTimeout(Duration.ofSeconds(5)).withMaxReceives(2),
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Crash("A", false),
                new WorkQueueStep.Tick(5),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Crash("A", false),
                new WorkQueueStep.Tick(5),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Observe());
        LogSimulations.addTo(ALL);
        OutboxSimulations.addTo(ALL);
        BufferSimulations.addTo(ALL);
    }

    private Simulations() {}

    private static void delivery(
            String name,
            String line,
            PipelineFactory factory,
            DeliveryPromise promise,
            int visibility,
            DeliveryStep... steps) {
        ALL.put(name, new Simulation(name, line, () -> {
            Scenario<DeliveryConfig, DeliveryStep> scenario =
                    new Scenario<>(new DeliveryConfig(Duration.ofSeconds(visibility)), List.of(steps));
            History<DeliveryConfig, DeliveryPromise, DeliveryEvent> history =
                    DeliveryChecks.BINDING.run(factory, promise, scenario);
            return new Run(
                    history.events(),
                    Model.fold(history, DeliveryChecks.BINDING.model(history)).primary());
        }));
    }

    private static void queue(String name, String line, WorkQueueConfig config, WorkQueueStep... steps) {
        ALL.put(name, new Simulation(name, line, () -> {
            History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history = WorkQueueChecks.BINDING.run(
                    SqsWorkQueue::new, WorkQueueCapabilities.ALL, new Scenario<>(config, List.of(steps)));
            return new Run(
                    history.events(),
                    Model.fold(history, WorkQueueChecks.BINDING.model(history)).primary());
        }));
    }

    private static DeliveryStep publish() {
        return new DeliveryStep.Publish();
    }

    private static DeliveryStep send(Channel.Fault fault) {
        return new DeliveryStep.Transmit(fault);
    }

    private static DeliveryStep retry() {
        return new DeliveryStep.Retry();
    }

    private static DeliveryStep receive(int c) {
        return new DeliveryStep.Receive(c);
    }

    private static DeliveryStep advance(int c) {
        return new DeliveryStep.Advance(c);
    }

    private static DeliveryStep crash(int c) {
        return new DeliveryStep.Crash(c);
    }
}
