package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The broker's binding to the engine's core: its properties ({@link ExchangeProperty}), how a scenario is
 * played on a broker, its model ({@link ExchangeModel}) with the rules of {@link ExchangeRule}, and how its
 * stories speak of it.
 */
public final class ExchangeChecks
        implements Binding<ExchangeSetup, ExchangeStep, ExchangeCapabilities, BrokerFactory, ExchangeEvent> {

    public static final ExchangeChecks BINDING = new ExchangeChecks(SimClockDriver::new, XDeathOrder.DOCUMENTED);

    /** How time moves in a run: a simulated clock, or a driver that waits for real time (a real broker). */
    private final Supplier<ClockDriver> clocks;
    /** The x-death order the model holds the broker to: the documented one, unless the harness knows otherwise. */
    private final XDeathOrder order;

    private static final Stories.Telling TELLING = new Stories.Telling(
            "broker",
            "every consumer's channel closes (what it held is requeued), then a drainer\n"
                    + "  asks whether each queue exists and takes and acks all it holds, twice over",
            "docs/pub-sub/exchange.md");

    private ExchangeChecks(Supplier<ClockDriver> clocks, XDeathOrder order) {
        this.clocks = clocks;
        this.order = order;
    }

    /**
     * The same binding, its runs reading time from the clocks given: what an adapter for a real broker uses, with
     * a driver that waits for real time. Properties, model, rules and stories are the same.
     */
    public static ExchangeChecks withClocks(Supplier<ClockDriver> clocks) {
        return new ExchangeChecks(clocks, XDeathOrder.DOCUMENTED);
    }

    /**
     * As {@link #withClocks(Supplier)}, the model holding the broker to {@code order}: for a RabbitMQ server
     * older than 3.13, whose x-death order departs from the documented one ({@link XDeathOrder#BEFORE_3_13}).
     */
    public static ExchangeChecks withClocks(Supplier<ClockDriver> clocks, XDeathOrder order) {
        return new ExchangeChecks(clocks, order);
    }

    @Override
    public String topology() {
        return "exchange";
    }

    @Override
    public List<ExchangeProperty> properties() {
        return List.of(ExchangeProperty.values());
    }

    @Override
    public History<ExchangeSetup, ExchangeCapabilities, ExchangeEvent> run(
            BrokerFactory factory, ExchangeCapabilities capabilities, Scenario<ExchangeSetup, ExchangeStep> scenario) {
        return new Runner<ExchangeSetup, ExchangeStep, ExchangeCapabilities, ExchangeEvent>(
                        (setup, clock) -> new Play(setup, clock, factory), clocks)
                .run(scenario, capabilities);
    }

    @Override
    public Model<ExchangeEvent> model(History<ExchangeSetup, ExchangeCapabilities, ExchangeEvent> history) {
        return new ExchangeModel(history.config(), history.start(), order);
    }

    @Override
    public Stories.Telling telling() {
        return TELLING;
    }

    /** The publisher's and consumers' side of one run: what each consumer holds, in the order it came. */
    private static final class Play implements Runner.Play<ExchangeStep, ExchangeEvent> {
        final List<ExchangeEvent> events = new ArrayList<>();
        /** Each consumer's tag, and the deliveries it holds unsettled, oldest first. */
        final Map<String, String> tags = new HashMap<>();

        final Map<String, List<Delivery>> holds = new HashMap<>();
        final Set<String> closed = new LinkedHashSet<>();
        final ExchangeSetup setup;
        final ClockDriver clock;
        /** Makes the broker at {@link #create()}, where a throw is a story too. */
        final java.util.function.Supplier<Broker> make;

        Play(ExchangeSetup setup, ClockDriver clock, BrokerFactory factory) {
            this.setup = setup;
            this.clock = clock;
            this.make = () -> factory.create(clock.clock());
        }

        /** The broker once made; the story step under way and what it is doing, for a throw's line. */
        Broker broker;

        int step;
        int published;
        String doing = "creating the broker";

        @Override
        public void create() {
            broker = make.get();
            setup.exchanges().forEach(broker::declareExchange);
            setup.queues().forEach(broker::declareQueue);
            setup.bindings().forEach(broker::bind);
            for (ExchangeSetup.Consumer c : setup.consumers()) {
                consume(c.name(), c.channel(), c.queue(), c.prefetch());
            }
        }

        private void consume(String name, String channel, String queue, int prefetch) {
            doing = name + " consumes " + queue;
            String tag = broker.consume(channel, queue, prefetch);
            tags.put(name, tag);
            holds.put(name, new ArrayList<>());
            events.add(new ExchangeEvent.Consumed(step, clock.now(), name, queue, tag));
        }

        @Override
        public void perform(ExchangeStep s) {
            step++;
            doing = "step " + step;
            if (s instanceof ExchangeStep.Publish p) {
                String body = "m" + ++published + (p.accented() ? "\u00e9" : "");
                Message m = new Message(
                        p.routingKey(),
                        p.headers(),
                        body,
                        p.ttlSeconds() > 0 ? Optional.of(Duration.ofSeconds(p.ttlSeconds())) : Optional.empty());
                Published answer = broker.publish(setup.publishTo(), m, p.mandatory());
                events.add(new ExchangeEvent.Publish(
                        step,
                        clock.now(),
                        setup.publishTo(),
                        p.routingKey(),
                        p.headers(),
                        body,
                        p.mandatory(),
                        p.ttlSeconds(),
                        answer));
            } else if (s instanceof ExchangeStep.Receive r) {
                receive(r.consumer());
            } else if (s instanceof ExchangeStep.Settle st) {
                settle(st);
            } else if (s instanceof ExchangeStep.Close c) {
                close(c.consumer());
            } else if (s instanceof ExchangeStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new ExchangeEvent.Ticked(step, clock.now(), t.seconds()));
            }
        }

        private void receive(String consumer) {
            if (closed.contains(channelOf(consumer))) {
                events.add(new ExchangeEvent.Skipped(
                        step, clock.now(), consumer + " receives", consumer + "'s channel is closed"));
                return;
            }
            List<Delivery> got = broker.receive(tags.get(consumer));
            events.add(new ExchangeEvent.Received(step, clock.now(), consumer, tags.get(consumer), got));
            if (got != null) {
                got.stream().filter(d -> d != null).forEach(holds.get(consumer)::add);
            }
        }

        private String channelOf(String consumer) {
            return setup.consumers().stream()
                    .filter(c -> c.name().equals(consumer))
                    .findFirst()
                    .map(ExchangeSetup.Consumer::channel)
                    .orElse("drain");
        }

        private void settle(ExchangeStep.Settle s) {
            List<Delivery> held = holds.get(s.consumer());
            if (closed.contains(channelOf(s.consumer())) || held.size() <= s.nth()) {
                events.add(new ExchangeEvent.Skipped(
                        step,
                        clock.now(),
                        s.consumer() + " settles its delivery " + s.nth(),
                        s.consumer() + " holds " + held.size() + " deliveries"));
                return;
            }
            Delivery d = held.get(s.nth());
            String channel = channelOf(s.consumer());
            int n = s.kind() == ExchangeStep.Kind.ACK
                    ? broker.ack(channel, d.deliveryTag(), s.multiple())
                    : s.kind() == ExchangeStep.Kind.NACK
                            ? broker.nack(channel, d.deliveryTag(), s.multiple(), s.requeue())
                            : broker.reject(channel, d.deliveryTag(), s.requeue());
            boolean multiple = s.multiple() && s.kind() != ExchangeStep.Kind.REJECT;
            events.add(new ExchangeEvent.Settled(
                    step,
                    clock.now(),
                    s.consumer(),
                    channel,
                    s.kind(),
                    d.deliveryTag(),
                    multiple,
                    s.requeue(),
                    d.body(),
                    n));
            // the client forgets what it settled: on its channel, this one or all up to it
            for (ExchangeSetup.Consumer c : setup.consumers()) {
                if (c.channel().equals(channel)) {
                    holds.get(c.name())
                            .removeIf(h ->
                                    multiple ? h.deliveryTag() <= d.deliveryTag() : h.deliveryTag() == d.deliveryTag());
                }
            }
        }

        private void close(String consumer) {
            String channel = channelOf(consumer);
            if (!closed.add(channel)) {
                events.add(
                        new ExchangeEvent.Skipped(step, clock.now(), consumer + "'s channel closes", "it is closed"));
                return;
            }
            broker.closeChannel(channel);
            events.add(new ExchangeEvent.Closed(step, clock.now(), consumer, channel));
            setup.consumers().stream()
                    .filter(c -> c.channel().equals(channel))
                    .forEach(c -> holds.get(c.name()).clear());
        }

        @Override
        public void drain() {
            step++;
            for (ExchangeSetup.Consumer c : setup.consumers()) {
                if (!closed.contains(c.channel())) {
                    close(c.name());
                }
            }
            for (int round = 0; round < 2; round++) {
                for (QueueSpec q : setup.queues()) {
                    step++;
                    doing = "the drain of " + q.name();
                    boolean exists = broker.queueExists(q.name());
                    events.add(new ExchangeEvent.Looked(step, clock.now(), q.name(), exists));
                    String drainer = "drainer of " + q.name();
                    if (!exists) {
                        continue;
                    }
                    if (!tags.containsKey(drainer)) {
                        consume(drainer, "drain", q.name(), 0);
                    }
                    receive(drainer);
                    List<Delivery> got = holds.get(drainer);
                    if (!got.isEmpty()) {
                        long last = got.get(got.size() - 1).deliveryTag();
                        int n = broker.ack("drain", last, true);
                        events.add(new ExchangeEvent.Settled(
                                step,
                                clock.now(),
                                drainer,
                                "drain",
                                ExchangeStep.Kind.ACK,
                                last,
                                true,
                                false,
                                got.get(got.size() - 1).body(),
                                n));
                        tags.keySet().stream()
                                .filter(k -> k.startsWith("drainer"))
                                .forEach(k -> holds.get(k).clear());
                    }
                }
            }
        }

        @Override
        public ExchangeEvent threw(RuntimeException e) {
            return new ExchangeEvent.Threw(step, clock.now(), doing, e.toString());
        }

        @Override
        public List<ExchangeEvent> events() {
            return events;
        }
    }
}
