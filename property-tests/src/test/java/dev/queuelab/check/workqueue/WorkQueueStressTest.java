package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.Delivery;
import dev.queuelab.api.Message;
import dev.queuelab.api.SendOutcome;
import dev.queuelab.api.SimClock;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Real threads against the reference: producers and competing consumers at once, some consumers crashing
 * before their acks. The history they record is checked by the same invariants as the simulations.
 *
 * <p>The clock stands still while the threads run, so that no lease expires under them: then every
 * cross-thread order the history needs is one the threads themselves impose (a send is recorded before it
 * is made, a receive after it returns). Time moves once the threads are done, and a drain collects what
 * the crashed consumers left behind.
 */
class WorkQueueStressTest {

    static final int PRODUCERS = 3;
    static final int CONSUMERS = 3;
    static final int PER_PRODUCER = 4_000;
    static final int CRASH_EVERY = 97;

    @Test
    void shouldKeepEveryInvariantWhenProducersAndConsumersRunOnRealThreads() throws Exception {
        SimClock clock = new SimClock();
        SqsWorkQueue queue = new SqsWorkQueue(WorkQueueConfig.standardQueue(), clock);
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger step = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();          // acked or dropped by a crash
        int total = PRODUCERS * PER_PRODUCER;

        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + CONSUMERS);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            running.add(pool.submit(() -> {
                for (int i = 0; i < PER_PRODUCER; i++) {
                    Message m = Message.of("p" + producer + "-" + i, "payload");
                    events.add(new Event.Sent(step.incrementAndGet(), clock.instant(), m, SendOutcome.accepted(m.id())));
                    assertThat(queue.send(m).accepted()).isTrue();
                }
            }));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            String consumer = "C" + c;
            running.add(pool.submit(() -> {
                int received = 0;
                while (settled.get() < total) {
                    List<Delivery> got = queue.receive(consumer, 1 + received % 10, Duration.ofSeconds(30));
                    events.add(new Event.Received(step.incrementAndGet(), clock.instant(), consumer, 1 + received % 10,
                            Duration.ofSeconds(30), got, List.of()));
                    for (Delivery d : got) {
                        if (++received % CRASH_EVERY == 0) {
                            events.add(new Event.Crashed(step.incrementAndGet(), clock.instant(), consumer, true, List.of(d)));
                        } else {
                            events.add(new Event.Acked(step.incrementAndGet(), clock.instant(), consumer, d, queue.ack(d.receipt())));
                        }
                        settled.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);                    // bounded: a hang fails the test instead of the build
        }
        pool.shutdownNow();

        clock.advance(Duration.ofMinutes(1));
        events.add(new Event.Ticked(step.incrementAndGet(), clock.instant(), Duration.ofMinutes(1)));
        List<Delivery> leftovers;
        while (!(leftovers = queue.receive("drainer", 10)).isEmpty()) {
            events.add(new Event.Received(step.incrementAndGet(), clock.instant(), "drainer", 10, Duration.ofSeconds(30),
                    leftovers, List.of()));
            for (Delivery d : leftovers) {
                events.add(new Event.Acked(step.incrementAndGet(), clock.instant(), "drainer", d, queue.ack(d.receipt())));
            }
        }
        events.add(new Event.Observed(step.incrementAndGet(), clock.instant(), List.of(), queue.stats()));

        WorkQueueModel model = WorkQueueInvariants.fold(
                new History(queue.config(), SimClock.EPOCH, List.copyOf(events), step.get(), true));
        assertThat(model.anomalies()).as("the same invariants as the simulations, on %d real-thread events", events.size())
                .isEmpty();
        long crashed = events.stream().filter(e -> e instanceof Event.Crashed).count();
        assertThat(crashed).as("consumers crashed on some deliveries").isPositive();
        assertThat(model.redeliveries()).as("each message a consumer crashed on is delivered once more").isEqualTo(crashed);
        assertThat(model.duplicateEffects()).as("processed before the crash, and again after").isEqualTo(model.redeliveries());
    }
}
