package dev.queuelab.check.workqueue;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Real threads against any work queue: producers and competing consumers at once, some consumers dropping
 * a delivery as if they had crashed. Each round records a history and judges it with the same model as the
 * simulations; rounds repeat until an anomaly shows or the budget is spent, because a race shows only on
 * some interleavings.
 *
 * <p>The clock stands still while the threads run, so that no lease expires under them: then every
 * cross-thread order the model needs is one the threads themselves impose (a send is recorded before it is
 * made, a receive after it returns). Time moves once the threads are done, and a drain collects what the
 * "crashed" consumers left behind. A call that throws is recorded as it is; a call that never returns ends
 * the round as a hang. The seed chooses batch sizes and crash points; the interleaving is the machine's.
 */
public final class StressRun {

    /** How one round is shaped, and how many rounds may run. */
    public record Plan(
            int producers, int consumers, int perProducer, int crashOneIn, int maxRounds, Duration roundLimit) {
        public static final Plan DEFAULT = new Plan(3, 3, 2_000, 97, 3, Duration.ofSeconds(20));
    }

    /** What a run found: the first anomaly (if any), in which round, and the events that show it. */
    public record Outcome(Optional<Anomaly> anomaly, int rounds, int events, String report) {}

    /** Events per message sent that no correct queue reaches (a send, a receive, an extension, an ack, a redelivery...). */
    static final int EVENT_BUDGET = 20;

    private final WorkQueueFactory factory;
    private final String implName;
    private final Plan plan;

    public StressRun(WorkQueueFactory factory, String implName, Plan plan) {
        this.factory = factory;
        this.implName = implName;
        this.plan = plan;
    }

    public Outcome run(long seed) {
        int events = 0;
        for (int round = 1; round <= plan.maxRounds(); round++) {
            Round r = new Round(seed + round);
            List<Event> history = r.execute();
            events += history.size();
            WorkQueueModel model = WorkQueueInvariants.fold(new History(
                    r.queue.config(), r.queue.capabilities(), SimClock.EPOCH, history, history.size(), true));
            Optional<Anomaly> found = r.hang != null
                    ? Optional.of(WorkQueueRule.OPERATION_FAILED.found(0, r.hang))
                    : model.primary()
                            .or(() -> r.runaway
                                    ? Optional.of(WorkQueueRule.DUPLICATE_DELIVERY.found(
                                            0,
                                            "the queue kept handing out messages: " + r.events.size() + " events for "
                                                    + plan.producers() * plan.perProducer() + " messages sent"))
                                    : Optional.empty());
            if (found.isPresent()) {
                return new Outcome(found, round, events, report(found.get(), round, seed, history));
            }
        }
        return new Outcome(
                Optional.empty(),
                plan.maxRounds(),
                events,
                "stress on '" + implName + "': " + plan.maxRounds() + " rounds, " + events + " events, no anomaly");
    }

    private String report(Anomaly a, int round, long seed, List<Event> history) {
        String about = history.stream()
                .filter(e -> e.step() == a.step())
                .findFirst()
                .map(e -> e instanceof Event.Received r && !r.deliveries().isEmpty()
                        ? r.deliveries().get(0).messageId()
                        : e instanceof Event.Acked ack ? ack.of().messageId() : "")
                .orElse("");
        List<String> lines = history.stream()
                .filter(e -> e.step() <= a.step() && (e.step() == a.step() || (!about.isEmpty() && mentions(e, about))))
                .map(e -> String.format(
                        "  %s%6d. %s  → %s", e.step() == a.step() ? "✗ " : "  ", e.step(), e.action(), e.outcome()))
                .collect(Collectors.toList());
        List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
        return "work-queue/stress FAILED on implementation '" + implName + "' in round " + round + " of "
                + plan.maxRounds()
                + "\n\n  " + a.name() + (a.step() > 0 ? " at event " + a.step() + " of " + history.size() : "")
                + "\n  Rule:     " + a.rule() + "\n  Evidence: " + a.evidence() + "\n\n  " + plan.producers()
                + " producers and "
                + plan.consumers() + " consumers on real threads; the events that show it"
                + (about.isEmpty() ? "" : " (those of " + about + ")")
                + ":\n" + String.join("\n", tail) + "\n\n  Seed " + seed
                + ": it chose the batch sizes and crash points; the"
                + " interleaving is the machine's, so a replay may need a few rounds to meet the race again.\n";
    }

    private static boolean mentions(Event e, String id) {
        return (e.action() + " → " + e.outcome()).matches(".*\\b" + id + "\\b.*");
    }

    private final class Round {
        final SimClock clock = new SimClock();
        final WorkQueue queue;
        final SplittableRandom random;
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger step = new AtomicInteger();
        final AtomicInteger producing = new AtomicInteger(plan.producers());
        final AtomicBoolean stop = new AtomicBoolean();
        /** Set when the events outgrow what a correct queue can cause: a broken one may hand out the same messages for ever. */
        volatile boolean runaway;

        final AtomicInteger consumersLeft = new AtomicInteger(plan.consumers());
        String hang;

        Round(long seed) {
            this.queue = factory.create(WorkQueueConfig.standardQueue(), clock);
            this.random = new SplittableRandom(seed);
        }

        List<Event> execute() {
            int total = plan.producers() + plan.consumers() + 1; // and one observer reading stats() as they run
            CountDownLatch done = new CountDownLatch(total);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < plan.producers(); p++) {
                threads.add(thread("P" + p, done, producer(p)));
            }
            for (int c = 0; c < plan.consumers(); c++) {
                threads.add(thread("C" + c, done, consumer("C" + c, random.split())));
            }
            threads.add(thread("observer", done, observer()));
            threads.forEach(Thread::start);
            try {
                if (!done.await(plan.roundLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                    stop.set(true);
                    hang = "a call did not return within " + plan.roundLimit().toSeconds() + "s: "
                            + threads.stream()
                                    .filter(Thread::isAlive)
                                    .map(Thread::getName)
                                    .collect(Collectors.joining(", "))
                            + " still inside the queue (a corrupted structure loops, or a lock is never released)";
                    return List.copyOf(events);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stress threads", e);
            }
            drain();
            List<Event> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparingInt(Event::step)); // a thread may record just after another's later step
            return ordered;
        }

        private Thread thread(String name, CountDownLatch done, Runnable body) {
            Thread t = new Thread(
                    () -> {
                        try {
                            body.run();
                        } catch (RuntimeException e) {
                            events.add(new Event.Threw(
                                    step.incrementAndGet(),
                                    clock.instant(),
                                    name + " calls the queue",
                                    e.getClass().getSimpleName() + ": " + e.getMessage()));
                            stop.set(true);
                        } catch (OutOfMemoryError e) {
                            // a structure corrupted by a race can grow without end inside one call; the stack
                            // that held the garbage is gone by now, and the round ends with what it shows
                            stop.set(true);
                            events.add(new Event.Threw(
                                    step.incrementAndGet(),
                                    clock.instant(),
                                    name + " calls the queue",
                                    "OutOfMemoryError: the call grew the heap without end"
                                            + " (a structure corrupted by a race loops as it allocates)"));
                        } finally {
                            done.countDown();
                        }
                    },
                    "stress-" + name);
            t.setDaemon(true); // a thread stuck in a broken queue must not keep the JVM alive
            return t;
        }

        private Runnable producer(int p) {
            return () -> {
                try {
                    for (int i = 0; i < plan.perProducer() && !stop.get(); i++) {
                        Message m = Message.of("p" + p + "-" + i, "payload " + i);
                        events.add(new Event.Sent(
                                step.incrementAndGet(), clock.instant(), m, SendOutcome.accepted(m.id())));
                        queue.send(m);
                    }
                } finally {
                    producing.decrementAndGet();
                }
            };
        }

        /** Stops once the producers are done and three receives in a row found nothing; empty receives are not recorded. */
        private Runnable consumer(String name, SplittableRandom rnd) {
            return () -> {
                try {
                    consume(name, rnd);
                } finally {
                    consumersLeft.decrementAndGet();
                }
            };
        }

        private void consume(String name, SplittableRandom rnd) {
            int empty = 0;
            while (!stop.get() && (producing.get() > 0 || empty < 3)) {
                if (step.get() > EVENT_BUDGET * plan.producers() * plan.perProducer()) {
                    runaway = true; // bounded memory, whatever the queue under test does
                    stop.set(true);
                    break;
                }
                int max = 1 + rnd.nextInt(10);
                List<Delivery> got = queue.receive(name, max, Duration.ofSeconds(30));
                if (got.isEmpty()) {
                    empty++;
                    Thread.onSpinWait();
                    continue;
                }
                empty = 0;
                events.add(new Event.Received(
                        step.incrementAndGet(), clock.instant(), name, max, Duration.ofSeconds(30), got));
                if (got.size() > 1 && rnd.nextInt(4) == 0) { // now and then the whole batch in one ackBatch
                    List<ReceiptOutcome> outcomes =
                            queue.ackBatch(got.stream().map(Delivery::receipt).toList());
                    for (int i = 0; i < got.size(); i++) {
                        events.add(new Event.Acked(
                                step.incrementAndGet(), clock.instant(), name, got.get(i), outcomes.get(i), true));
                    }
                    continue;
                }
                for (Delivery d : got) {
                    if (rnd.nextInt(8) == 0) { // a slow job extends its lease before it acks
                        events.add(new Event.Changed(
                                step.incrementAndGet(),
                                clock.instant(),
                                name,
                                d,
                                Duration.ofSeconds(60),
                                queue.changeVisibility(d.receipt(), Duration.ofSeconds(60))));
                    }
                    if (rnd.nextInt(plan.crashOneIn()) == 0) {
                        events.add(new Event.Crashed(step.incrementAndGet(), clock.instant(), name, true, List.of(d)));
                    } else {
                        ReceiptOutcome result = queue.ack(d.receipt());
                        events.add(new Event.Acked(step.incrementAndGet(), clock.instant(), name, d, result));
                    }
                }
            }
        }

        /** Reads the statistics while the others work: no call may throw, and no count may be negative. */
        private Runnable observer() {
            return () -> {
                while (!stop.get() && (producing.get() > 0 || consuming())) {
                    QueueStats s = queue.stats();
                    if (s.visible() < 0 || s.inFlight() < 0 || s.deadLettered() < 0) {
                        events.add(new Event.Invalid(
                                step.incrementAndGet(),
                                clock.instant(),
                                "the observer reads stats()",
                                "impossible counts: " + s));
                        stop.set(true);
                    }
                    Thread.onSpinWait();
                }
            };
        }

        private boolean consuming() {
            return consumersLeft.get() > 0;
        }

        private void drain() {
            clock.advance(Duration.ofMinutes(1));
            events.add(new Event.Ticked(step.incrementAndGet(), clock.instant(), Duration.ofMinutes(1)));
            try {
                List<Delivery> got;
                int rounds = 0;
                // bounded by what was sent, not by the events (which grow as it runs): a broken queue may never empty
                int drainRounds = plan.producers() * plan.perProducer() + 1;
                while (!(got = queue.receive(Runner.DRAINER, 10, Duration.ofSeconds(30))).isEmpty()
                        && rounds++ < drainRounds) {
                    events.add(new Event.Received(
                            step.incrementAndGet(), clock.instant(), Runner.DRAINER, 10, Duration.ofSeconds(30), got));
                    for (Delivery d : got) {
                        events.add(new Event.Acked(
                                step.incrementAndGet(), clock.instant(), Runner.DRAINER, d, queue.ack(d.receipt())));
                    }
                }
                events.add(new Event.Observed(
                        step.incrementAndGet(),
                        clock.instant(),
                        queue.deadLetters().stream().map(Message::id).toList(),
                        queue.stats()));
            } catch (RuntimeException e) {
                events.add(new Event.Threw(
                        step.incrementAndGet(),
                        clock.instant(),
                        "the drainer calls the queue",
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }
}
