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
import dev.queuelab.check.History;
import dev.queuelab.check.Op;
import dev.queuelab.check.OpClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
            List<Recorded> recorded = r.execute();
            List<WorkQueueEvent> history =
                    recorded.stream().map(Recorded::event).toList();
            events += history.size();
            WorkQueueModel model = WorkQueueChecks.fold(new History<>(
                    r.queue.config(),
                    r.queue.capabilities(),
                    SimClock.EPOCH,
                    history,
                    recorded.stream().map(Recorded::op).toList(),
                    history.size()));
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

    private String report(Anomaly a, int round, long seed, List<WorkQueueEvent> history) {
        String about = history.stream()
                .filter(e -> e.step() == a.step())
                .findFirst()
                .map(e -> e instanceof WorkQueueEvent.Received r
                                && !r.deliveries().isEmpty()
                        ? r.deliveries().get(0).messageId()
                        : e instanceof WorkQueueEvent.Acked ack ? ack.of().messageId() : "")
                .orElse("");
        List<String> lines = history.stream()
                .filter(e -> e.step() <= a.step() && (e.step() == a.step() || (!about.isEmpty() && mentions(e, about))))
                .map(e -> String.format(
                        "  %s%6d. %s  → %s", e.step() == a.step() ? "✗ " : "  ", e.step(), e.action(), e.answer()))
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

    private static boolean mentions(WorkQueueEvent e, String id) {
        return (e.action() + " → " + e.answer()).matches(".*\\b" + id + "\\b.*");
    }

    /** An event with the operation that produced it: invoked and completed on the round's {@link OpClock}. */
    private record Recorded(WorkQueueEvent event, Op op) {}

    private final class Round {
        final SimClock clock = new SimClock();
        final WorkQueue queue;
        final SplittableRandom random;
        final OpClock ticks = new OpClock();
        final List<Recorded> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger step = new AtomicInteger();
        final AtomicInteger producing = new AtomicInteger(plan.producers());
        final AtomicBoolean stop = new AtomicBoolean();
        /** Set when the events outgrow what a correct queue can cause: a broken one may hand out the same messages for ever. */
        volatile boolean runaway;

        final AtomicInteger consumersLeft = new AtomicInteger(plan.consumers());
        String hang;
        volatile RuntimeException checkerBug;

        Round(long seed) {
            this.queue = factory.create(WorkQueueConfig.standardQueue(), clock);
            this.random = new SplittableRandom(seed);
        }

        /** Records an event whose call was invoked at {@code invoked} and has just completed, ended as it says. */
        void record(WorkQueueEvent event, String process, long invoked) {
            events.add(new Recorded(event, new Op(process, invoked, ticks.tick(), event.outcome())));
        }

        /** Records what happened without a call (a tick, a consumer's crash): an instant of its own. */
        void note(WorkQueueEvent event, String process) {
            long now = ticks.tick();
            events.add(new Recorded(event, new Op(process, now, now, Op.Outcome.OK)));
        }

        List<Recorded> execute() {
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
            if (checkerBug != null) {
                throw new IllegalStateException("a bug in the stress run itself, not in the queue", checkerBug);
            }
            drain();
            List<Recorded> ordered = new ArrayList<>(events);
            // a send at its invocation, every other call at its completion: the order the model folds them in
            ordered.sort(Comparator.comparingInt(r -> r.event().step()));
            return ordered;
        }

        private Thread thread(String name, CountDownLatch done, Runnable body) {
            Thread t = new Thread(
                    () -> {
                        try {
                            body.run();
                        } catch (RuntimeException e) {
                            if (thrownHere(e)) {
                                checkerBug = e; // never the implementation's fault: the run stops and says so
                                stop.set(true);
                                return;
                            }
                            threw(name, e.getClass().getSimpleName() + ": " + e.getMessage());
                        } catch (OutOfMemoryError e) {
                            // a structure corrupted by a race can grow without end inside one call; the stack
                            // that held the garbage is gone by now, and the round ends with what it shows
                            threw(
                                    name,
                                    "OutOfMemoryError: the call grew the heap without end"
                                            + " (a structure corrupted by a race loops as it allocates)");
                        } finally {
                            done.countDown();
                        }
                    },
                    "stress-" + name);
            t.setDaemon(true); // a thread stuck in a broken queue must not keep the JVM alive
            return t;
        }

        /** Thrown by this class's own code (the first frame outside the JDK is ours), not inside the queue? */
        private boolean thrownHere(RuntimeException e) {
            for (StackTraceElement frame : e.getStackTrace()) {
                String cls = frame.getClassName();
                if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")) {
                    return cls.startsWith(StressRun.class.getName());
                }
            }
            return false;
        }

        /** A call threw: it may have acted or not (its outcome is unknown), and the round stops. */
        private void threw(String name, String error) {
            stop.set(true);
            events.add(new Recorded(
                    new WorkQueueEvent.Threw(step.incrementAndGet(), clock.instant(), name + " calls the queue", error),
                    new Op(name, ticks.tick(), Op.NEVER, Op.Outcome.UNKNOWN)));
        }

        private Runnable producer(int p) {
            return () -> {
                try {
                    for (int i = 0; i < plan.perProducer() && !stop.get(); i++) {
                        Message m = Message.of("p" + p + "-" + i, "payload " + i);
                        int at = step.incrementAndGet(); // folded where it was invoked: before any receive of it
                        long invoked = ticks.tick();
                        SendOutcome result = queue.send(m);
                        if (result == null) {
                            record(
                                    new WorkQueueEvent.Invalid(
                                            at, clock.instant(), "P" + p + " sends " + m.id(), "null"),
                                    "P" + p,
                                    invoked);
                            stop.set(true);
                            break;
                        }
                        record(new WorkQueueEvent.Sent(at, clock.instant(), m, result), "P" + p, invoked);
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
                boolean allSent = producing.get() == 0;
                long invoked = ticks.tick();
                List<Delivery> got = queue.receive(name, max, Duration.ofSeconds(30));
                if (got == null || got.stream().anyMatch(Objects::isNull)) {
                    record(
                            new WorkQueueEvent.Invalid(
                                    step.incrementAndGet(), clock.instant(), name + " receives up to " + max, "" + got),
                            name,
                            invoked);
                    stop.set(true);
                    break;
                }
                if (got.isEmpty()) {
                    if (allSent) { // then every message still waiting is owed to it: the model judges the empty hand
                        record(received(name, max, got), name, invoked);
                    }
                    empty++;
                    Thread.onSpinWait();
                    continue;
                }
                empty = 0;
                record(received(name, max, got), name, invoked);
                if (got.size() > 1 && rnd.nextInt(4) == 0) { // now and then the whole batch in one ackBatch
                    long batchInvoked = ticks.tick();
                    List<ReceiptOutcome> outcomes =
                            queue.ackBatch(got.stream().map(Delivery::receipt).toList());
                    long batchDone = ticks.tick();
                    for (int i = 0; i < got.size(); i++) {
                        WorkQueueEvent acked = new WorkQueueEvent.Acked(
                                step.incrementAndGet(), clock.instant(), name, got.get(i), outcomes.get(i), true);
                        events.add(new Recorded(acked, new Op(name, batchInvoked, batchDone, acked.outcome())));
                    }
                    continue;
                }
                for (Delivery d : got) {
                    if (rnd.nextInt(8) == 0) { // a slow job extends its lease before it acks
                        long changeInvoked = ticks.tick();
                        ReceiptOutcome changed = queue.changeVisibility(d.receipt(), Duration.ofSeconds(60));
                        record(
                                new WorkQueueEvent.Changed(
                                        step.incrementAndGet(),
                                        clock.instant(),
                                        name,
                                        d,
                                        Duration.ofSeconds(60),
                                        changed),
                                name,
                                changeInvoked);
                    }
                    if (rnd.nextInt(plan.crashOneIn()) == 0) {
                        note(
                                new WorkQueueEvent.Crashed(
                                        step.incrementAndGet(), clock.instant(), name, true, List.of(d)),
                                name);
                    } else {
                        long ackInvoked = ticks.tick();
                        ReceiptOutcome result = queue.ack(d.receipt());
                        record(
                                new WorkQueueEvent.Acked(step.incrementAndGet(), clock.instant(), name, d, result),
                                name,
                                ackInvoked);
                    }
                }
            }
        }

        /** A receive's event, numbered at its completion: after every send it could have delivered. */
        private WorkQueueEvent.Received received(String name, int max, List<Delivery> got) {
            return new WorkQueueEvent.Received(
                    step.incrementAndGet(), clock.instant(), name, max, Duration.ofSeconds(30), got);
        }

        /** Reads the statistics while the others work: no call may throw, and no count may be negative. */
        private Runnable observer() {
            return () -> {
                while (!stop.get() && (producing.get() > 0 || consuming())) {
                    QueueStats s = queue.stats();
                    if (s.visible() < 0 || s.inFlight() < 0 || s.deadLettered() < 0) {
                        note(
                                new WorkQueueEvent.Invalid(
                                        step.incrementAndGet(),
                                        clock.instant(),
                                        "the observer reads stats()",
                                        "impossible counts: " + s),
                                "observer");
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
            note(new WorkQueueEvent.Ticked(step.incrementAndGet(), clock.instant(), Duration.ofMinutes(1)), "checker");
            try {
                List<Delivery> got;
                int rounds = 0;
                // bounded by what was sent, not by the events (which grow as it runs): a broken queue may never empty
                int drainRounds = plan.producers() * plan.perProducer() + 1;
                long invoked = ticks.tick();
                while (!(got = queue.receive(WorkQueueRunner.DRAINER, 10, Duration.ofSeconds(30))).isEmpty()
                        && rounds++ < drainRounds) {
                    record(received(WorkQueueRunner.DRAINER, 10, got), WorkQueueRunner.DRAINER, invoked);
                    for (Delivery d : got) {
                        long ackInvoked = ticks.tick();
                        ReceiptOutcome result = queue.ack(d.receipt());
                        record(
                                new WorkQueueEvent.Acked(
                                        step.incrementAndGet(), clock.instant(), WorkQueueRunner.DRAINER, d, result),
                                WorkQueueRunner.DRAINER,
                                ackInvoked);
                    }
                    invoked = ticks.tick();
                }
                note(
                        new WorkQueueEvent.Observed(
                                step.incrementAndGet(),
                                clock.instant(),
                                queue.deadLetters().stream().map(Message::id).toList(),
                                queue.stats()),
                        "checker");
            } catch (RuntimeException e) {
                threw("the drainer", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
