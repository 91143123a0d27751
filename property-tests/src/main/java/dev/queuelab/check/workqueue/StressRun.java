package dev.queuelab.check.workqueue;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Real threads against any work queue: producers (some retrying a send), competing consumers (some crashing
 * before their ack, some too slow for their lease), an operator who redrives the dead-letter queue and an
 * observer reading the statistics, all at once, on a standard or a FIFO queue with a dead-letter queue, while
 * a ticker moves the clock so that leases fall due under the threads. Each round records a history and judges
 * it with the same model as the simulations; rounds repeat until an anomaly shows or the budget is spent,
 * because a race shows only on some interleavings.
 *
 * <p>Order: each call is folded where it first read the queue's clock. A queue that reads its clock once per
 * call, under its lock (the reference and every exercise do), is folded in the order its lock gave the calls,
 * so the model's state at each call is the queue's own, time included; a queue that leaves an operation
 * unlocked is folded in some order, and the race shows as an anomaly. A call that reads no clock is folded at
 * its completion (a send at its invocation). A queue that reads its clock before it locks may be folded out
 * of its lock's order and blamed for it. The receives, the only calls that dead-letter, never overlap the
 * operator's look-then-redrive, so a redrive moves exactly what the look saw. After the threads, time moves
 * past every deadline and a drain collects what is left. A call that throws is recorded as it is; a call that
 * never returns ends the round as a hang; a call that runs the heap out ends the run, inconclusive. The seed
 * chooses each round's queue, batch sizes, retries, crash points and slow jobs; the interleaving is the
 * machine's.
 */
public final class StressRun {

    /** How one round is shaped, and how many rounds may run. */
    public record Plan(
            int producers, int consumers, int perProducer, int crashOneIn, int maxRounds, Duration roundLimit) {
        public static final Plan DEFAULT = new Plan(3, 3, 2_000, 4, 5, Duration.ofSeconds(20));
    }

    /**
     * What a run found: the first anomaly (if any), in which round, and the events that show it; or, with
     * {@code heapExhausted}, that a call ran the heap out, which is neither a pass nor a story.
     */
    public record Outcome(Optional<Anomaly> anomaly, int rounds, int events, String report, boolean heapExhausted) {}

    /** Events per message sent that no correct queue reaches (a send, a receive, an extension, an ack, a redelivery...). */
    static final int EVENT_BUDGET = 20;

    static final Duration VISIBILITY = Duration.ofSeconds(2);
    /** How far the ticker moves the clock each time, about every 50 µs: a lease falls due in about 10 ms. */
    static final Duration TICK = Duration.ofMillis(10);

    static final int MAX_REDRIVES = 200;

    /** Each producer sends one message per this much clock: leases fall due, and dead letters pile up, while it sends. */
    static final Duration PACE = Duration.ofMillis(20);

    /** While producers send, the operator waits for this many dead letters: a redrive long enough to meet a send. */
    static final int REDRIVE_AT = 4;

    /** FIFO groups per round: a few live messages each, so that groups hold back, reorder and redrive into busy ones. */
    static final int GROUPS = 100;

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
        Set<String> reached = new TreeSet<>();
        List<String> queues = new ArrayList<>();
        for (int round = 1; round <= plan.maxRounds(); round++) {
            Round r = new Round(seed + round);
            List<Recorded> recorded = r.execute();
            List<WorkQueueEvent> history =
                    recorded.stream().map(Recorded::event).toList();
            events += history.size();
            if (r.heapExhausted) {
                return new Outcome(
                        Optional.empty(),
                        round,
                        events,
                        "stress on '" + implName + "' inconclusive in round " + round + ": a call ran the heap out"
                                + " (a structure a race corrupted grows without end); no story can be told. Seed "
                                + seed + ".",
                        true);
            }
            WorkQueueModel model = WorkQueueChecks.fold(new History<>(
                    r.queue.config(),
                    r.queue.capabilities(),
                    SimClock.EPOCH,
                    history,
                    recorded.stream().map(Recorded::op).toList(),
                    history.size()));
            reached.addAll(model.coverage());
            queues.add(r.queue.config().fifo() ? "FIFO" : "standard");
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
                return new Outcome(found, round, events, report(found.get(), round, seed, r, history), false);
            }
        }
        return new Outcome(
                Optional.empty(),
                plan.maxRounds(),
                events,
                "stress on '" + implName + "': " + plan.maxRounds() + " rounds (" + String.join(", ", queues) + "), "
                        + events + " events, no anomaly; reached: " + String.join("; ", reached),
                false);
    }

    private String report(Anomaly a, int round, long seed, Round r, List<WorkQueueEvent> history) {
        String about = history.stream()
                .filter(e -> e.step() == a.step())
                .findFirst()
                .map(e -> e instanceof WorkQueueEvent.Received rc
                                && !rc.deliveries().isEmpty()
                        ? rc.deliveries().get(0).messageId()
                        : e instanceof WorkQueueEvent.Acked ack
                                ? ack.of().messageId()
                                : e instanceof WorkQueueEvent.Sent s
                                        ? s.message().id()
                                        : "")
                .orElse("");
        List<String> lines = history.stream()
                .filter(e -> e.step() <= a.step() && (e.step() == a.step() || (!about.isEmpty() && mentions(e, about))))
                .map(e -> String.format(
                        "  %s%8d. %s  → %s", e.step() == a.step() ? "✗ " : "  ", e.step(), e.action(), e.answer()))
                .collect(Collectors.toList());
        List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
        return "work-queue/stress FAILED on implementation '" + implName + "' in round " + round + " of "
                + plan.maxRounds()
                + "\n\n  " + a.name() + (a.step() > 0 ? " at position " + a.step() : "")
                + "\n  Rule:     " + a.rule() + "\n  Evidence: " + a.evidence() + "\n\n  Queue: " + r.queue.config()
                + "\n  " + plan.producers() + " producers, " + plan.consumers() + " consumers, an operator"
                + " redriving and an observer on real threads, the clock moving under them; the events that show it"
                + (about.isEmpty() ? "" : " (those of " + about + ")")
                + ":\n" + String.join("\n", tail) + "\n\n  Seed " + seed
                + ": it chose the queue, batch sizes, retries, crash points and slow jobs; the"
                + " interleaving is the machine's, so a replay may need a few rounds to meet the race again.\n";
    }

    private static boolean mentions(WorkQueueEvent e, String id) {
        return (e.action() + " → " + e.answer()).matches(".*\\b" + id + "\\b.*");
    }

    /** An event with the operation that produced it: invoked and completed on the round's {@link OpClock}. */
    private record Recorded(WorkQueueEvent event, Op op) {}

    /** Where a call is folded: its position among every read of the clock, and the time it read. */
    record Read(int step, Instant at) {}

    /**
     * The round's clock as the queue sees it: each read takes the next position, and a thread's first read in
     * a call is where that call is folded. Thread-safe; reads are serialised, which costs the queue nothing
     * it would not pay for its own lock.
     */
    static final class OrderedClock implements InstantSource {
        private final SimClock time = new SimClock();
        private final ThreadLocal<Read[]> first = ThreadLocal.withInitial(() -> new Read[1]);
        private int next = 1;

        @Override
        public synchronized Instant instant() {
            Instant now = time.instant();
            Read[] mine = first.get();
            if (mine[0] == null) {
                mine[0] = new Read(next, now);
            }
            next++;
            return now;
        }

        /** The calling thread starts a call: its next read is the call's. */
        void begin() {
            first.get()[0] = null;
        }

        /** A position taken now, for a send that may read no clock: folded before any receive that gets it. */
        synchronized int reserve() {
            return next++;
        }

        /** Where the calling thread's call is folded: its first read, else {@code reserved} (if above 0), else now. */
        synchronized Read end(int reserved) {
            Read mine = first.get()[0];
            return mine != null ? mine : new Read(reserved > 0 ? reserved : next++, time.instant());
        }

        /** A position of its own, for what happens without a call (a crash, a tick). */
        synchronized Read now() {
            return new Read(next++, time.instant());
        }

        synchronized void advance(Duration step) {
            time.advance(step);
        }

        /** The time, for the harness's own waiting: takes no position. */
        Instant peek() {
            return time.instant();
        }
    }

    /** A call's answer, where it is folded and its operation's positions on the {@link OpClock}. */
    private record Done<T>(T answer, Read read, long invoked, long completed) {}

    private final class Round {
        final OrderedClock clock = new OrderedClock();
        final SplittableRandom random;
        final WorkQueue queue;
        final OpClock ticks = new OpClock();
        final List<Recorded> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger producing = new AtomicInteger(plan.producers());
        final AtomicInteger consumersLeft = new AtomicInteger(plan.consumers());
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean threadsDone = new AtomicBoolean();
        /** Receives (which dead-letter) take it shared; the operator's look-then-redrive takes it alone. */
        final ReadWriteLock receiveGate = new ReentrantReadWriteLock();
        /** Set when the events outgrow what a correct queue can cause: a broken one may hand out the same messages for ever. */
        volatile boolean runaway;

        volatile boolean heapExhausted;
        String hang;
        volatile RuntimeException checkerBug;

        Round(long seed) {
            this.random = new SplittableRandom(seed);
            this.queue = create(random.nextBoolean(), 1 + random.nextInt(2));
        }

        /** The round's queue: FIFO or standard, with a dead-letter queue, as far as the implementation supports them. */
        private WorkQueue create(boolean fifo, int maxReceives) {
            WorkQueueConfig config = WorkQueueConfig.standardQueue()
                    .withVisibilityTimeout(VISIBILITY)
                    .withMaxReceives(maxReceives)
                    .withFifo(fifo);
            WorkQueue q = factory.create(config, clock);
            if (fifo && !q.capabilities().fifo()) {
                q = factory.create(config.withFifo(false), clock);
            }
            return q.capabilities().deadLetters()
                    ? q
                    : factory.create(q.config().withoutRedrive(), clock);
        }

        /** Calls the queue and notes where the call is folded. */
        <T> Done<T> call(boolean send, Supplier<T> body) {
            clock.begin();
            int reserved = send ? clock.reserve() : 0;
            long invoked = ticks.tick();
            T answer = body.get();
            long completed = ticks.tick();
            return new Done<>(answer, clock.end(reserved), invoked, completed);
        }

        void record(WorkQueueEvent event, String process, Done<?> done) {
            events.add(new Recorded(event, new Op(process, done.invoked(), done.completed(), event.outcome())));
        }

        /** Records what happened without a call (a tick, a consumer's crash): a position of its own. */
        void note(WorkQueueEvent event, String process) {
            long now = ticks.tick();
            events.add(new Recorded(event, new Op(process, now, now, Op.Outcome.OK)));
        }

        List<Recorded> execute() {
            int total = plan.producers() + plan.consumers() + 2; // and an observer, and an operator
            CountDownLatch done = new CountDownLatch(total);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < plan.producers(); p++) {
                threads.add(thread("P" + p, done, producer(p, random.split())));
            }
            for (int c = 0; c < plan.consumers(); c++) {
                threads.add(thread("C" + c, done, consumer("C" + c, random.split())));
            }
            threads.add(thread("observer", done, observer()));
            threads.add(thread("operator", done, operator()));
            Thread ticker = new Thread(this::tick, "stress-ticker");
            ticker.setDaemon(true);
            ticker.start();
            threads.forEach(Thread::start);
            try {
                if (!done.await(plan.roundLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                    stop.set(true);
                    threadsDone.set(true);
                    hang = "a call did not return within " + plan.roundLimit().toSeconds() + "s: "
                            + threads.stream()
                                    .filter(Thread::isAlive)
                                    .map(Thread::getName)
                                    .collect(Collectors.joining(", "))
                            + " still inside the queue (a corrupted structure loops, or a lock is never released)";
                    return List.copyOf(events);
                }
                threadsDone.set(true);
                ticker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the stress threads", e);
            }
            if (checkerBug != null) {
                throw new IllegalStateException("a bug in the stress run itself, not in the queue", checkerBug);
            }
            if (!heapExhausted) {
                drain();
            }
            List<Recorded> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparingInt(r -> r.event().step())); // stable: a batch's acks keep their order
            return ordered;
        }

        /** Moves the clock while the threads run: leases fall due under them. */
        private void tick() {
            while (!threadsDone.get()) {
                clock.advance(TICK);
                LockSupport.parkNanos(50_000); // a real-thread stress run: the pause is the point
            }
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
                            heapExhausted = true; // the heap of this JVM, not a finding about the queue
                            stop.set(true);
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
            Read at = clock.now();
            events.add(new Recorded(
                    new WorkQueueEvent.Threw(at.step(), at.at(), name + " calls the queue", error),
                    new Op(name, ticks.tick(), Op.NEVER, Op.Outcome.UNKNOWN)));
        }

        private boolean overBudget() {
            if (events.size() > EVENT_BUDGET * plan.producers() * plan.perProducer()) {
                runaway = true; // bounded memory, whatever the queue under test does
                stop.set(true);
            }
            return runaway;
        }

        /** Sends its messages; one in 16 again at once, as a producer unsure of its send retries it. */
        private Runnable producer(int p, SplittableRandom rnd) {
            return () -> {
                try {
                    for (int i = 0; i < plan.perProducer() && !stop.get(); i++) {
                        Instant due = SimClock.EPOCH.plus(PACE.multipliedBy(i));
                        while (clock.peek().isBefore(due) && !stop.get()) {
                            LockSupport.parkNanos(20_000); // sends spread over the round: dead letters come and go
                        }
                        String id = "p" + p + "-" + i;
                        Message m = new Message(id, null, "d-" + id, "payload " + i, Map.of("trace", id));
                        m = queue.config().fifo() ? m.inGroup("g" + rnd.nextInt(GROUPS)) : m;
                        send("P" + p, m);
                        if (rnd.nextInt(16) == 0 && !stop.get()) {
                            send("P" + p, m);
                        }
                    }
                } finally {
                    producing.decrementAndGet();
                }
            };
        }

        private void send(String name, Message m) {
            Done<Object> d = call(true, () -> {
                try {
                    return queue.send(m);
                } catch (DuplicateMessageIdException e) {
                    return e;
                }
            });
            Read at = d.read();
            if (d.answer() == null) {
                record(new WorkQueueEvent.Invalid(at.step(), at.at(), name + " sends " + m.id(), "null"), name, d);
                stop.set(true);
            } else if (d.answer() instanceof RuntimeException refused) {
                record(
                        new WorkQueueEvent.Refused(
                                at.step(), at.at(), m, refused.getClass().getSimpleName()),
                        name,
                        d);
            } else {
                record(new WorkQueueEvent.Sent(at.step(), at.at(), m, (SendOutcome) d.answer()), name, d);
            }
        }

        /** Stops once the producers are done and three receives in a row found nothing. */
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
            while (!stop.get() && (producing.get() > 0 || empty < 3) && !overBudget()) {
                int max = 1 + rnd.nextInt(10);
                boolean allSent = producing.get() == 0; // before the receive: then no send can come after it
                Done<List<Delivery>> d;
                receiveGate.readLock().lock();
                try {
                    d = call(false, () -> queue.receive(name, max, VISIBILITY));
                } finally {
                    receiveGate.readLock().unlock();
                }
                List<Delivery> got = d.answer();
                Read at = d.read();
                if (got == null || got.stream().anyMatch(Objects::isNull)) {
                    record(
                            new WorkQueueEvent.Invalid(at.step(), at.at(), name + " receives up to " + max, "" + got),
                            name,
                            d);
                    stop.set(true);
                    break;
                }
                if (got.isEmpty()) {
                    // recorded too: an empty receive may dead-letter, and every message whose send surely
                    // preceded it and that nothing holds back is owed to it
                    record(new WorkQueueEvent.Received(at.step(), at.at(), name, max, VISIBILITY, got), name, d);
                    empty = allSent ? empty + 1 : 0;
                    LockSupport.parkNanos(100_000); // a real-thread stress run: an idle consumer polls, not spins
                    continue;
                }
                empty = 0;
                record(
                        new WorkQueueEvent.Received(at.step(), at.at(), name, max, VISIBILITY, List.copyOf(got)),
                        name,
                        d);
                handle(name, rnd, got, at.at());
            }
        }

        /** Extends, crashes, dawdles or acks, one delivery after another, or acks the whole batch at once. */
        private void handle(String name, SplittableRandom rnd, List<Delivery> got, Instant receivedAt) {
            if (rnd.nextBoolean()) { // half the receives, even of one message, end in one ackBatch
                Done<List<ReceiptOutcome>> d = call(
                        false,
                        () -> queue.ackBatch(got.stream().map(Delivery::receipt).toList()));
                for (int i = 0; i < got.size(); i++) {
                    record(
                            new WorkQueueEvent.Acked(
                                    d.read().step(),
                                    d.read().at(),
                                    name,
                                    got.get(i),
                                    d.answer().get(i),
                                    true),
                            name,
                            d);
                }
                return;
            }
            for (Delivery delivery : got) {
                if (rnd.nextInt(8) == 0) { // a slow job extends its lease before it acks
                    Duration to = Duration.ofSeconds(1 + rnd.nextInt(5));
                    Done<ReceiptOutcome> d = call(false, () -> queue.changeVisibility(delivery.receipt(), to));
                    record(
                            new WorkQueueEvent.Changed(d.read().step(), d.read().at(), name, delivery, to, d.answer()),
                            name,
                            d);
                }
                if (rnd.nextInt(plan.crashOneIn()) == 0) {
                    Read at = clock.now();
                    note(new WorkQueueEvent.Crashed(at.step(), at.at(), name, true, List.of(delivery)), name);
                    continue;
                }
                if (rnd.nextInt(40) == 0) { // a job slower than its lease: the ack comes after the deadline
                    Instant late = receivedAt.plus(VISIBILITY).plus(TICK);
                    while (clock.peek().isBefore(late) && !stop.get()) {
                        Thread.onSpinWait();
                    }
                }
                Done<ReceiptOutcome> d = call(false, () -> queue.ack(delivery.receipt()));
                record(new WorkQueueEvent.Acked(d.read().step(), d.read().at(), name, delivery, d.answer()), name, d);
            }
        }

        /**
         * Reads the statistics and the dead-letter queue while the others work, as a console does: no call may
         * throw, and no count may be negative.
         */
        private Runnable observer() {
            return () -> {
                while (!stop.get() && (producing.get() > 0 || consumersLeft.get() > 0)) {
                    List<Message> dead = queue.deadLetters();
                    QueueStats s = queue.stats();
                    if (dead == null || dead.stream().anyMatch(Objects::isNull)) {
                        Read at = clock.now();
                        note(
                                new WorkQueueEvent.Invalid(
                                        at.step(), at.at(), "the observer reads deadLetters()", "" + dead),
                                "observer");
                        stop.set(true);
                    }
                    if (s.visible() < 0 || s.inFlight() < 0 || s.deadLettered() < 0) {
                        Read at = clock.now();
                        note(
                                new WorkQueueEvent.Invalid(
                                        at.step(), at.at(), "the observer reads stats()", "impossible counts: " + s),
                                "observer");
                        stop.set(true);
                    }
                    Thread.onSpinWait();
                }
            };
        }

        /** Looks at the dead-letter queue now and then and redrives what it holds, while no receive runs. */
        private Runnable operator() {
            return () -> {
                int redrives = 0;
                while (!stop.get() && (producing.get() > 0 || consumersLeft.get() > 0) && redrives < MAX_REDRIVES) {
                    LockSupport.parkNanos(200_000); // a real-thread stress run: the operator looks now and then
                    if (producing.get() > 0 && queue.stats().deadLettered() < REDRIVE_AT) {
                        continue; // while sends go on, redrive a batch worth racing with them
                    }
                    receiveGate.writeLock().lock();
                    try {
                        Done<List<Message>> seen = call(false, queue::deadLetters);
                        if (seen.answer() == null || seen.answer().isEmpty()) {
                            continue;
                        }
                        Done<Integer> moved = call(false, queue::redrive);
                        List<String> ids =
                                seen.answer().stream().map(Message::id).toList();
                        record(
                                new WorkQueueEvent.Redriven(
                                        moved.read().step(), moved.read().at(), ids, moved.answer()),
                                "operator",
                                moved);
                        redrives++;
                    } finally {
                        receiveGate.writeLock().unlock();
                    }
                }
            };
        }

        private void drain() {
            clock.advance(Duration.ofHours(1));
            Read ticked = clock.now();
            note(new WorkQueueEvent.Ticked(ticked.step(), ticked.at(), Duration.ofHours(1)), "checker");
            try {
                // bounded by what was sent, not by the events (which grow as it runs): a broken queue may never empty
                int drainRounds = 2 * plan.producers() * plan.perProducer() + 1;
                for (int rounds = 0; rounds < drainRounds; rounds++) {
                    Done<List<Delivery>> d = call(false, () -> queue.receive(WorkQueueRunner.DRAINER, 10, VISIBILITY));
                    if (d.answer().isEmpty()) {
                        break;
                    }
                    Read at = d.read();
                    record(
                            new WorkQueueEvent.Received(
                                    at.step(), at.at(), WorkQueueRunner.DRAINER, 10, VISIBILITY, d.answer()),
                            WorkQueueRunner.DRAINER,
                            d);
                    for (Delivery delivery : d.answer()) {
                        Done<ReceiptOutcome> a = call(false, () -> queue.ack(delivery.receipt()));
                        record(
                                new WorkQueueEvent.Acked(
                                        a.read().step(), a.read().at(), WorkQueueRunner.DRAINER, delivery, a.answer()),
                                WorkQueueRunner.DRAINER,
                                a);
                    }
                }
                Done<List<Message>> dead = call(false, queue::deadLetters);
                QueueStats stats = queue.stats();
                note(
                        new WorkQueueEvent.Observed(
                                dead.read().step(),
                                dead.read().at(),
                                dead.answer().stream().map(Message::id).toList(),
                                stats),
                        "checker");
            } catch (RuntimeException e) {
                threw("the drainer", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
