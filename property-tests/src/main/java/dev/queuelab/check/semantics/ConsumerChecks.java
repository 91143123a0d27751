package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.ConsumerConfig;
import dev.queuelab.api.semantics.Delivery;
import dev.queuelab.api.semantics.MessageConsumer;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
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
import dev.queuelab.reference.semantics.Broker;
import dev.queuelab.reference.semantics.Channel;
import dev.queuelab.reference.semantics.DedupingConsumer;
import dev.queuelab.reference.semantics.EffectStore;
import dev.queuelab.reference.semantics.Producer;
import dev.queuelab.reference.semantics.QueueBroker;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer binding: a {@link dev.queuelab.api.semantics.MessageConsumer} (the reference's, a gallery variant's
 * or a learner's) consuming from the reference work queue behind a retrying producer and a faulty network, its
 * process dying before any call it makes, its database the harness's {@link MemoryDatabase}.
 */
public final class ConsumerChecks
        implements Binding<ConsumerTrial, ConsumerStep, ConsumerPromise, ConsumerFactory, ConsumerEvent> {

    public static final ConsumerChecks BINDING = new ConsumerChecks();

    public static final Registry<ConsumerFactory, ConsumerPromise> CONSUMERS = new Registry<
                    ConsumerFactory, ConsumerPromise>("consumer", false)
            .add("reference", DedupingConsumer::new, ConsumerPromise.REMEMBERS);

    static {
        ConsumerGallery.VARIANTS.forEach(
                v -> CONSUMERS.addVariant("gallery." + v.name(), v.factory(), v.promise(), v.expected()));
    }

    private ConsumerChecks() {}

    @Override
    public String topology() {
        return "consumer";
    }

    @Override
    public List<ConsumerProperty> properties() {
        return List.of(ConsumerProperty.values());
    }

    @Override
    public History<ConsumerTrial, ConsumerPromise, ConsumerEvent> run(
            ConsumerFactory factory, ConsumerPromise promise, Scenario<ConsumerTrial, ConsumerStep> scenario) {
        return new Runner<ConsumerTrial, ConsumerStep, ConsumerPromise, ConsumerEvent>(
                        (trial, clock) -> new Play(factory, trial, clock), SimClockDriver::new)
                .run(scenario, promise);
    }

    @Override
    public Model<ConsumerEvent> model(History<ConsumerTrial, ConsumerPromise, ConsumerEvent> history) {
        return new ConsumerModel(history.config());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "consumer",
                "the network heals, the producer retries what is unacknowledged, and C1 consumes past every lease"
                        + " until nothing comes",
                "docs/delivery-semantics.md#exercise-16-idempotent-consumer");
    }

    /** One delivery as the consumer's code sees it: its ack passes the process's fuse. */
    private static final class Handed implements Delivery {
        private final dev.queuelab.api.workqueue.Delivery delivery;
        private final WorkQueue queue;
        private final Fuse fuse;

        Handed(dev.queuelab.api.workqueue.Delivery delivery, WorkQueue queue, Fuse fuse) {
            this.delivery = delivery;
            this.queue = queue;
            this.fuse = fuse;
        }

        @Override
        public String key() {
            return delivery.message().headers().get(QueueBroker.KEY_HEADER);
        }

        @Override
        public String messageId() {
            return delivery.messageId();
        }

        @Override
        public int receiveCount() {
            return delivery.receiveCount();
        }

        @Override
        public boolean ack() {
            fuse.call("ack");
            return queue.ack(delivery.receipt()) == ReceiptOutcome.ACCEPTED;
        }
    }

    /** The clients' side of one run: performs each step and records what the world and the checker saw. */
    static final class Play implements Runner.Play<ConsumerStep, ConsumerEvent> {
        private final ConsumerFactory factory;
        private final ConsumerTrial trial;
        private final ClockDriver clock;
        private final List<ConsumerEvent> events = new ArrayList<>();
        private final Map<String, MessageConsumer> live = new HashMap<>();
        private final Producer producer = new Producer(Producer.Mode.RETRY_UNTIL_ACKED);
        private final Channel<Broker.Request> channel = new Channel<>();
        private EffectStore effects;
        private MemoryDatabase database;
        private WorkQueue queue;
        private QueueBroker broker;
        private int step;
        private int published;
        private int effectsSeen;
        private String doing = "creating the queue";
        private dev.queuelab.api.workqueue.Delivery last;

        Play(ConsumerFactory factory, ConsumerTrial trial, ClockDriver clock) {
            this.factory = factory;
            this.trial = trial;
            this.clock = clock;
        }

        @Override
        public void create() {
            effects = new EffectStore(clock.clock());
            database = new MemoryDatabase(clock.clock(), effects);
            queue = new SqsWorkQueue(
                    WorkQueueConfig.standardQueue().withVisibilityTimeout(trial.visibility()), clock.clock());
            broker = new QueueBroker(queue);
        }

        @Override
        public void perform(ConsumerStep s) {
            step++;
            if (s instanceof ConsumerStep.Publish) {
                String key = "k" + (++published);
                channel.send(producer.publish(key));
                events.add(new ConsumerEvent.Published(step, clock.now(), key));
            } else if (s instanceof ConsumerStep.Transmit t) {
                call("network", "network " + verb(t.fault()) + " the oldest request", transmit(t.fault()), t.fault());
            } else if (s instanceof ConsumerStep.Retry) {
                call("P", "P's retry timer fires", retry(), Channel.Fault.NONE);
            } else if (s instanceof ConsumerStep.Consume c) {
                consume("C" + c.consumer(), c.crashAt());
            } else if (s instanceof ConsumerStep.Tick t) {
                tick(Duration.ofSeconds(t.seconds()));
            }
        }

        @Override
        public void drain() {
            for (int round = 0; round < 50 && (channel.size() > 0 || producer.unacknowledged() > 0); round++) {
                if (channel.size() == 0) {
                    step++;
                    call("P", "P's retry timer fires", retry(), Channel.Fault.NONE);
                }
                while (channel.size() > 0) {
                    step++;
                    call(
                            "network",
                            "network delivers the oldest request",
                            transmit(Channel.Fault.NONE),
                            Channel.Fault.NONE);
                }
            }
            int idle = 0;
            for (int round = 0; round < 60 && idle < 2; round++) {
                step++;
                if (consume("C1", -1)) {
                    idle = 0;
                } else {
                    idle++;
                    tick(trial.visibility().plusSeconds(1));
                }
            }
            if (idle < 2 && last != null) {
                step++;
                events.add(new ConsumerEvent.Left(
                        step, clock.now(), new Handed(last, queue, Fuse.NEVER).key(), last.receiveCount()));
            }
        }

        /** C receives one message and consumes it, dying before call {@code crashAt}; false when nothing came. */
        private boolean consume(String c, int crashAt) {
            String action =
                    c + " receives and consumes" + (crashAt >= 0 ? ", dying before its call #" + (crashAt + 1) : "");
            doing = action;
            List<dev.queuelab.api.workqueue.Delivery> got = queue.receive(c, 1);
            if (got.isEmpty()) {
                events.add(new ConsumerEvent.Consumed(
                        step, clock.now(), c, c + " receives", "nothing", null, false, false, false));
                return false;
            }
            last = got.get(0);
            Fuse fuse = new Fuse(crashAt);
            Handed delivery = new Handed(last, queue, fuse);
            boolean due = !database.marksOutliving(trial.keyTtl()).isEmpty();
            MessageConsumer consumer =
                    live.computeIfAbsent(c, n -> factory.make(new ConsumerConfig(trial.keyTtl()), clock.clock()));
            try {
                consumer.consume(delivery, database.session(c, fuse));
            } catch (Fuse.Crash crash) {
                // the process is dead: what it committed stays, the rest is gone with it
            }
            Optional<String> blown = fuse.blownBefore();
            blown.ifPresent(b -> {
                live.remove(c);
                broker.crashed(c);
            });
            List<String> calls = fuse.passed();
            String answer = last.messageId() + " (receive #" + last.receiveCount() + ", key " + delivery.key() + "): "
                    + (calls.isEmpty() ? "no call" : String.join(", ", calls))
                    + blown.map(b -> "; crashed before " + b + ": restarts").orElse("");
            events.add(new ConsumerEvent.Consumed(
                    step,
                    clock.now(),
                    c,
                    action,
                    answer,
                    delivery.key(),
                    blown.isPresent(),
                    blown.isPresent() && !calls.isEmpty(),
                    due));
            recordEffects();
            if (calls.contains("commit")) {
                List<String> stale = database.marksOutliving(trial.keyTtl());
                if (!stale.isEmpty()) {
                    events.add(new ConsumerEvent.Stale(step, clock.now(), stale));
                }
            }
            return true;
        }

        private String transmit(Channel.Fault fault) {
            Optional<Broker.Request> taken = channel.take();
            if (taken.isEmpty()) {
                return "nothing in flight";
            }
            Broker.Request r = taken.get();
            String what = r.key() + (r.attempt() > 1 ? " (attempt " + r.attempt() + ")" : "");
            switch (fault) {
                case DROP_REQUEST:
                    return what + " lost on the way: the producer hears nothing";
                case DROP_ANSWER:
                    return what + " " + broker.publish(r).text() + "; the answer is lost";
                case DUPLICATE: {
                    Broker.Answer once = broker.publish(r);
                    Broker.Answer twice = broker.publish(r);
                    producer.answered(r, twice);
                    return what + " arrives twice: " + once.text() + ", then " + twice.text();
                }
                default: {
                    Broker.Answer answer = broker.publish(r);
                    producer.answered(r, answer);
                    return what + " " + answer.text();
                }
            }
        }

        private String retry() {
            List<Broker.Request> again = producer.retry();
            again.forEach(channel::send);
            return again.isEmpty()
                    ? "nothing to retry"
                    : "sent again "
                            + String.join(
                                    ", ",
                                    again.stream().map(Broker.Request::key).toList());
        }

        private void tick(Duration d) {
            clock.advance(d);
            events.add(new ConsumerEvent.Call(
                    step,
                    clock.now(),
                    "clock",
                    d.toSeconds() + "s pass",
                    "now " + clock.now().getEpochSecond() % 86_400 + "s",
                    false));
        }

        private void call(String process, String action, String answer, Channel.Fault fault) {
            events.add(new ConsumerEvent.Call(step, clock.now(), process, action, answer, fault != Channel.Fault.NONE));
        }

        private void recordEffects() {
            for (EffectStore.Effect e : effects.since(effectsSeen + 1)) {
                events.add(new ConsumerEvent.Effected(step, e.at(), e.key(), e.by(), e.number()));
                effectsSeen++;
            }
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
        public ConsumerEvent threw(RuntimeException e) {
            recordEffects();
            return new ConsumerEvent.Threw(step, clock.now(), doing, e.toString());
        }

        @Override
        public List<ConsumerEvent> events() {
            return events;
        }
    }
}
