package dev.queuelab.check.workqueue;

import dev.queuelab.api.Delivery;
import dev.queuelab.api.Durations;
import dev.queuelab.api.Message;
import dev.queuelab.api.WorkQueue;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.SimClockDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a scenario, single-threaded, against one implementation, and records the history. After the last
 * step it drains the queue (time moves past every deadline, then a drainer receives and acks until nothing
 * comes), so that a message the queue lost shows as lost and not as merely late.
 *
 * <p>The runner keeps what the consumers hold, to resolve symbolic steps ("A acks its oldest delivery"),
 * and nothing else: judging the answers is the model's job.
 */
public final class Runner {

    /** Past every deadline and window a scenario can set. */
    static final Duration DRAIN_WAIT = Duration.ofHours(1);
    static final String DRAINER = "drainer";

    private final WorkQueueFactory factory;
    private final Supplier<ClockDriver> clocks;

    public Runner(WorkQueueFactory factory) {
        this(factory, SimClockDriver::new);
    }

    public Runner(WorkQueueFactory factory, Supplier<ClockDriver> clocks) {
        this.factory = factory;
        this.clocks = clocks;
    }

    public History run(WorkQueueScenario scenario) {
        return new Run(scenario).execute();
    }

    private final class Run {
        final WorkQueueScenario scenario;
        final ClockDriver clock = clocks.get();
        final Instant start = clock.now();
        final List<Event> events = new ArrayList<>();
        final Map<String, List<Delivery>> held = new LinkedHashMap<>();
        WorkQueue queue;
        int sent;
        int step;
        String doing = "";                    // the call under way, to name it if the queue throws

        Run(WorkQueueScenario scenario) {
            this.scenario = scenario;
        }

        History execute() {
            try {
                queue = factory.create(scenario.config(), clock.clock());
                for (Step s : scenario.steps()) {
                    step++;
                    perform(s);
                    observe();
                }
                drain();
            } catch (RuntimeException e) {
                events.add(new Event.Threw(step, clock.now(), lastAction(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            return History.simulated(scenario.config(), start, List.copyOf(events), scenario.steps().size());
        }

        private String lastAction() {
            return queue == null ? "create the queue (" + scenario.config() + ")" : doing;
        }

        private void perform(Step s) {
            Instant now = clock.now();
            if (s instanceof Step.Send send) {
                Message m = Message.of("m" + (++sent), "payload " + sent);
                if (scenario.config().fifo()) {
                    m = m.inGroup("g" + Math.max(1, send.group()));
                }
                if (send.dedup() > 0) {
                    m = m.withDedupId("d" + send.dedup());
                }
                doing = "the producer sends " + m.id();
                events.add(new Event.Sent(step, now, m, queue.send(m)));
            } else if (s instanceof Step.Receive r) {
                receive(r.consumer(), r.max(), r.visibilitySeconds() < 0
                        ? scenario.config().visibilityTimeout() : Duration.ofSeconds(r.visibilitySeconds()));
            } else if (s instanceof Step.Ack a) {
                Delivery d = pick(a.consumer(), a.nth(), "acks its delivery #" + (a.nth() + 1));
                if (d != null) {
                    held.get(a.consumer()).remove(d);
                    doing = a.consumer() + " acks " + d.messageId();
                    events.add(new Event.Acked(step, now, a.consumer(), d, queue.ack(d.receipt())));
                }
            } else if (s instanceof Step.ChangeVisibility c) {
                Delivery d = pick(c.consumer(), c.nth(), "changes the visibility of its delivery #" + (c.nth() + 1));
                if (d != null) {
                    Duration to = Duration.ofSeconds(c.seconds());
                    doing = c.consumer() + " changes the visibility of " + d.messageId() + " to " + Durations.brief(to);
                    events.add(new Event.Changed(step, now, c.consumer(), d, to, queue.changeVisibility(d.receipt(), to)));
                }
            } else if (s instanceof Step.Crash c) {
                List<Delivery> dropped = held.getOrDefault(c.consumer(), List.of());
                held.remove(c.consumer());
                events.add(new Event.Crashed(step, now, c.consumer(), c.afterProcessing(), List.copyOf(dropped)));
            } else if (s instanceof Step.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new Event.Ticked(step, clock.now(), Duration.ofSeconds(t.seconds())));
            } else if (s instanceof Step.Redrive) {
                doing = "the operator redrives the dead-letter queue";
                events.add(new Event.Redriven(step, now, queue.redrive()));
            }
        }

        private List<Delivery> receive(String consumer, int max, Duration visibility) {
            doing = consumer + " receives up to " + max;
            List<String> deadBefore = deadLetterIds();
            List<Delivery> got = List.copyOf(queue.receive(consumer, max, visibility));
            List<String> moved = deadLetterIds().stream().filter(id -> !deadBefore.contains(id)).toList();
            held.computeIfAbsent(consumer, c -> new ArrayList<>()).addAll(got);
            events.add(new Event.Received(step, clock.now(), consumer, max, visibility, got, moved));
            return got;
        }

        private Delivery pick(String consumer, int nth, String action) {
            List<Delivery> mine = held.getOrDefault(consumer, List.of());
            if (mine.isEmpty()) {
                events.add(new Event.Skipped(step, clock.now(), consumer + " " + action, consumer + " holds nothing"));
                return null;
            }
            return mine.get(nth % mine.size());
        }

        private void observe() {
            doing = "the checker reads the queue's statistics and dead letters";
            events.add(new Event.Observed(step, clock.now(), deadLetterIds(), queue.stats()));
        }

        private List<String> deadLetterIds() {
            return queue.deadLetters().stream().map(Message::id).toList();
        }

        /** Bounded: each round acks at least one message or ends; no round can deliver more than were sent. */
        private void drain() {
            step++;
            clock.advance(DRAIN_WAIT);
            events.add(new Event.Ticked(step, clock.now(), DRAIN_WAIT));
            observe();
            for (int round = 0; round <= sent + 1; round++) {
                step++;
                List<Delivery> got = receive(DRAINER, 10, scenario.config().visibilityTimeout());
                observe();
                if (got.isEmpty()) {
                    return;
                }
                for (Delivery d : got) {
                    step++;
                    doing = DRAINER + " acks " + d.messageId();
                    events.add(new Event.Acked(step, clock.now(), DRAINER, d, queue.ack(d.receipt())));
                    observe();
                }
            }
        }
    }
}
