package dev.queuelab.check.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.MissingGroupIdException;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Runner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a scenario, single-threaded, against one implementation, and records the history. After the last
 * step it drains the queue (time moves past every deadline, then a drainer receives and acks until nothing
 * comes, then the checker reads the statistics and dead letters), so that a message the queue lost shows
 * as lost and not as merely late.
 *
 * <p>The runner calls the implementation only where a step says so: it never reads the queue between
 * steps, because a read can change what it observes (a queue that expires leases in {@code stats()} would
 * hide one that forgets to in {@code changeVisibility}). It keeps what the consumers hold, to resolve
 * symbolic steps ("A acks its oldest delivery"), and records every answer as it came, null included:
 * judging the answers is the model's job.
 */
final class WorkQueueRunner {

    /** Past every deadline and window a scenario can set. */
    static final Duration DRAIN_WAIT = Duration.ofHours(1);

    static final String DRAINER = "drainer";

    private WorkQueueRunner() {}

    /** Runs scenarios on fresh queues the factory makes, reading time from the clocks the driver supplies. */
    static Runner<WorkQueueConfig, WorkQueueStep, WorkQueueCapabilities, WorkQueueEvent> of(
            WorkQueueFactory factory, Supplier<ClockDriver> clocks) {
        return new Runner<>((config, clock) -> new Run(factory, config, clock), clocks);
    }

    private static final class Run implements Runner.Play<WorkQueueStep, WorkQueueEvent> {
        final WorkQueueFactory factory;
        final WorkQueueConfig config;
        final ClockDriver clock;
        final List<WorkQueueEvent> events = new ArrayList<>();
        final Map<String, List<Delivery>> held = new LinkedHashMap<>();
        final Deque<String> freeIds = new ArrayDeque<>(); // acked ids a later send may reuse
        final Set<String> usedIds = new HashSet<>();
        final Set<String> unacked = new LinkedHashSet<>(); // accepted ids not acked since, oldest first
        Message previous; // the last message sent, for a producer that retries it
        WorkQueue queue;
        int sent;
        int step;
        String doing = ""; // the call under way, to name it if the queue throws

        Run(WorkQueueFactory factory, WorkQueueConfig config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            queue = factory.create(config, clock.clock());
        }

        @Override
        public List<WorkQueueEvent> events() {
            return events;
        }

        @Override
        public WorkQueueEvent threw(RuntimeException e) {
            String action = queue == null ? "create the queue (" + config + ")" : doing;
            return new WorkQueueEvent.Threw(
                    step, clock.now(), action, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        @Override
        public void perform(WorkQueueStep s) {
            step++;
            Instant now = clock.now();
            if (s instanceof WorkQueueStep.Send send) {
                send(send, now);
            } else if (s instanceof WorkQueueStep.Receive r) {
                receive(
                        r.consumer(),
                        r.max(),
                        r.visibilityMillis() < 0
                                ? config.visibilityTimeout()
                                : Duration.ofMillis(r.visibilityMillis()));
            } else if (s instanceof WorkQueueStep.Ack a) {
                Delivery d = pick(a.consumer(), a.nth(), "acks its delivery #" + (a.nth() + 1));
                if (d != null) {
                    held.get(a.consumer()).remove(d);
                    ack(a.consumer(), d);
                }
            } else if (s instanceof WorkQueueStep.AckBatch b) {
                ackBatch(b);
            } else if (s instanceof WorkQueueStep.ChangeVisibility c) {
                Delivery d = pick(c.consumer(), c.nth(), "changes the visibility of its delivery #" + (c.nth() + 1));
                if (d != null) {
                    Duration to = Duration.ofSeconds(c.seconds());
                    doing = c.consumer() + " changes the visibility of " + d.messageId() + " to " + Durations.brief(to);
                    ReceiptOutcome result = queue.changeVisibility(d.receipt(), to);
                    events.add(
                            result == null
                                    ? new WorkQueueEvent.Invalid(step, now, doing, "null instead of ACCEPTED or STALE")
                                    : new WorkQueueEvent.Changed(step, now, c.consumer(), d, to, result));
                }
            } else if (s instanceof WorkQueueStep.Crash c) {
                List<Delivery> dropped = held.getOrDefault(c.consumer(), List.of());
                held.remove(c.consumer());
                events.add(
                        new WorkQueueEvent.Crashed(step, now, c.consumer(), c.afterProcessing(), List.copyOf(dropped)));
            } else if (s instanceof WorkQueueStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new WorkQueueEvent.Ticked(step, clock.now(), Duration.ofSeconds(t.seconds())));
            } else if (s instanceof WorkQueueStep.Redrive) {
                doing = "the operator looks at the dead-letter queue";
                List<Message> seen = queue.deadLetters();
                doing = "the operator redrives the dead-letter queue";
                int moved = queue.redrive();
                events.add(
                        hasNull(seen)
                                ? new WorkQueueEvent.Invalid(step, now, doing, "dead letters " + seen)
                                : new WorkQueueEvent.Redriven(
                                        step,
                                        now,
                                        seen.stream().map(Message::id).toList(),
                                        moved));
            } else if (s instanceof WorkQueueStep.Observe) {
                observe();
            } else {
                throw new IllegalStateException("the runner has no rule for step " + s + ": a bug in the checker");
            }
        }

        private void send(WorkQueueStep.Send send, Instant now) {
            Message m = message(send);
            doing = "the producer sends " + m.id();
            SendOutcome result;
            try {
                result = queue.send(m);
            } catch (MissingGroupIdException | DuplicateMessageIdException e) {
                events.add(
                        send.answerLost()
                                ? new WorkQueueEvent.Sent(step, now, m, null)
                                : new WorkQueueEvent.Refused(
                                        step, now, m, e.getClass().getSimpleName()));
                return;
            }
            if (send.answerLost()) { // the queue acted, but its answer never reached the producer
                events.add(new WorkQueueEvent.Sent(step, now, m, null));
                if (result != null && result.accepted()) {
                    unacked.add(m.id());
                }
                return;
            }
            events.add(
                    result == null
                            ? new WorkQueueEvent.Invalid(step, now, doing, "null instead of a SendOutcome")
                            : new WorkQueueEvent.Sent(step, now, m, result));
            if (result != null && result.accepted()) {
                unacked.add(m.id());
            }
        }

        /** The message a send step stands for: its id as {@link WorkQueueStep.Id} says, its group and dedup id. */
        private Message message(WorkQueueStep.Send send) {
            WorkQueueStep.Id kind =
                    previous == null && send.id() == WorkQueueStep.Id.RETRY ? WorkQueueStep.Id.FRESH : send.id();
            Message m;
            if (kind == WorkQueueStep.Id.RETRY) {
                m = new Message(previous.id(), null, previous.dedupId(), previous.payload(), previous.headers());
            } else {
                String id = kind == WorkQueueStep.Id.ACKED && !freeIds.isEmpty()
                        ? freeIds.pollFirst()
                        : kind == WorkQueueStep.Id.HELD && !unacked.isEmpty()
                                ? unacked.iterator().next()
                                : nextFreshId();
                m = new Message(id, null, null, "payload " + (sent + 1), Map.of("trace", "t" + (sent + 1)));
                if (send.dedup() > 0) {
                    m = m.withDedupId("d" + send.dedup());
                }
            }
            sent++;
            if (config.fifo() && !send.noGroup()) {
                m = m.inGroup("g" + Math.max(1, send.group()));
            }
            previous = m;
            return m;
        }

        private String nextFreshId() {
            String id;
            int n = usedIds.size();
            do {
                id = "m" + (++n);
            } while (usedIds.contains(id));
            usedIds.add(id);
            return id;
        }

        private List<Delivery> receive(String consumer, int max, Duration visibility) {
            doing = consumer + " receives up to " + max;
            List<Delivery> answer = queue.receive(consumer, max, visibility);
            if (hasNull(answer)) {
                events.add(new WorkQueueEvent.Invalid(
                        step,
                        clock.now(),
                        doing,
                        answer == null ? "null instead of a list" : "a list with a null element: " + answer));
                return List.of();
            }
            List<Delivery> got = List.copyOf(answer);
            held.computeIfAbsent(consumer, c -> new ArrayList<>()).addAll(got);
            events.add(new WorkQueueEvent.Received(step, clock.now(), consumer, max, visibility, got));
            return got;
        }

        private void ack(String consumer, Delivery d) {
            doing = consumer + " acks " + d.messageId();
            ReceiptOutcome result = queue.ack(d.receipt());
            if (result == null) {
                events.add(new WorkQueueEvent.Invalid(step, clock.now(), doing, "null instead of ACCEPTED or STALE"));
                return;
            }
            events.add(new WorkQueueEvent.Acked(step, clock.now(), consumer, d, result));
            acked(d, result);
        }

        private void ackBatch(WorkQueueStep.AckBatch b) {
            List<Delivery> mine = held.getOrDefault(b.consumer(), List.of());
            if (mine.isEmpty()) {
                events.add(new WorkQueueEvent.Skipped(
                        step, clock.now(), b.consumer() + " acks a batch", b.consumer() + " holds nothing"));
                return;
            }
            if (b.count() > WorkQueueConfig.MAX_BATCH) {
                ackBatchPastTheLimit(b, mine);
                return;
            }
            List<Delivery> batch = new ArrayList<>(mine.subList(0, Math.min(b.count(), mine.size())));
            if (b.repeatFirst() && batch.size() < WorkQueueConfig.MAX_BATCH) {
                batch.add(batch.get(0));
            }
            mine.removeAll(batch);
            doing = b.consumer() + " acks a batch of " + batch.size();
            List<ReceiptOutcome> outcomes =
                    queue.ackBatch(batch.stream().map(Delivery::receipt).toList());
            if (hasNull(outcomes) || outcomes.size() != batch.size()) {
                events.add(new WorkQueueEvent.Invalid(
                        step,
                        clock.now(),
                        doing,
                        outcomes == null
                                ? "null instead of a list of outcomes"
                                : outcomes.size() + " outcome(s) for " + batch.size() + " receipt(s): " + outcomes));
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                Delivery d = batch.get(i);
                events.add(new WorkQueueEvent.Acked(step, clock.now(), b.consumer(), d, outcomes.get(i), true));
                acked(d, outcomes.get(i));
            }
        }

        /**
         * A client that puts more receipts in one batch than SQS allows (its receipts repeated to fill it): the
         * queue must refuse the whole batch, acking none, so the consumer still holds them all.
         */
        private void ackBatchPastTheLimit(WorkQueueStep.AckBatch b, List<Delivery> mine) {
            List<Delivery> batch = new ArrayList<>();
            while (batch.size() < b.count()) {
                batch.add(mine.get(batch.size() % mine.size()));
            }
            doing = b.consumer() + " acks a batch of " + batch.size();
            List<ReceiptOutcome> outcomes;
            try {
                outcomes = queue.ackBatch(batch.stream().map(Delivery::receipt).toList());
            } catch (OutOfRangeException e) {
                events.add(new WorkQueueEvent.Skipped(
                        step, clock.now(), doing, "refused, acking none: " + e.getMessage()));
                return;
            }
            events.add(new WorkQueueEvent.Invalid(
                    step,
                    clock.now(),
                    doing,
                    outcomes + " instead of refusing more than " + WorkQueueConfig.MAX_BATCH
                            + " receipts (OutOfRangeException, as SQS's TooManyEntriesInBatchRequest)"));
        }

        private void acked(Delivery d, ReceiptOutcome result) {
            if (result == ReceiptOutcome.ACCEPTED) {
                unacked.remove(d.messageId());
                if (!freeIds.contains(d.messageId())) {
                    freeIds.addLast(d.messageId());
                }
            }
        }

        private Delivery pick(String consumer, int nth, String action) {
            List<Delivery> mine = held.getOrDefault(consumer, List.of());
            if (mine.isEmpty()) {
                events.add(new WorkQueueEvent.Skipped(
                        step, clock.now(), consumer + " " + action, consumer + " holds nothing"));
                return null;
            }
            return mine.get(nth % mine.size());
        }

        /** Null-safe: {@code List.of(...).contains(null)} throws, and the queue must not be blamed for that. */
        private static boolean hasNull(List<?> answer) {
            return answer == null || answer.stream().anyMatch(Objects::isNull);
        }

        private void observe() {
            doing = "the checker reads the queue's statistics";
            QueueStats stats =
                    queue.stats(); // first: a dead-letter read that expires leases would hide a stats() that forgets to
            doing = "the checker reads the queue's dead letters";
            List<Message> dead = queue.deadLetters();
            if (hasNull(dead) || stats == null) {
                events.add(new WorkQueueEvent.Invalid(
                        step,
                        clock.now(),
                        "the checker reads the statistics and the dead-letter queue",
                        hasNull(dead) ? "dead letters " + dead : "null statistics"));
                return;
            }
            events.add(new WorkQueueEvent.Observed(
                    step, clock.now(), dead.stream().map(Message::id).toList(), stats));
        }

        /** Bounded: each round acks at least one message or ends; no round can deliver more than were sent. */
        @Override
        public void drain() {
            step++;
            clock.advance(DRAIN_WAIT);
            events.add(new WorkQueueEvent.Ticked(step, clock.now(), DRAIN_WAIT));
            for (int round = 0; round <= sent + 1; round++) {
                step++;
                List<Delivery> got = receive(DRAINER, 10, config.visibilityTimeout());
                if (got.isEmpty()) {
                    break;
                }
                for (Delivery d : got) {
                    step++;
                    ack(DRAINER, d);
                }
            }
            step++;
            observe();
        }
    }
}
