package dev.queuelab.bench;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.queuelab.api.Delivery;
import dev.queuelab.api.Message;
import dev.queuelab.api.WorkQueue;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * One producer hands messages to one consumer on another thread, through a bounded buffer of 1024.
 *
 * <pre>
 *   producer thread                                    consumer thread
 *   ┌──────────┐  offer / send   ┌───────────────┐  poll / receive+ack  ┌──────────┐
 *   │   put    │ ──────────────► │ 1024 in transit│ ──────────────────► │   take   │
 *   └──────────┘  spin if full   └───────────────┘  spin if empty      └──────────┘
 * </pre>
 *
 * Measures messages per second through the pair ({@code take}'s score). Baseline: {@code ArrayBlockingQueue}.
 * Both sides spin instead of blocking, so that JMH can end an iteration while one side waits (its
 * {@link Control}); the JDK queues, the Disruptor (a poller on the consumer side) and the work queue (a
 * receive and an ack per message, with a visibility timeout) all pay the same waiting. The work queue's
 * buffer limit is kept by two counters, as it has no capacity of its own; it has a redrive policy
 * (maxReceives 10). Counters: {@code rejected} (offers refused: the buffer was full, backpressure),
 * {@code redelivered} (must stay 0: no consumer dies here, so no message can reach the dead-letter queue).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class HandoffBenchmark {

    static final int CAPACITY = 1024;

    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "ConcurrentLinkedQueue", "Disruptor", "WorkQueue"})
    public String impl;

    private Channel channel;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = switch (impl) {
            case "ArrayBlockingQueue" -> new JdkChannel(new ArrayBlockingQueue<>(CAPACITY), true);
            case "LinkedBlockingQueue" -> new JdkChannel(new LinkedBlockingQueue<>(CAPACITY), true);
            case "ConcurrentLinkedQueue" -> new JdkChannel(new ConcurrentLinkedQueue<>(), false);
            case "Disruptor" -> new DisruptorChannel();
            case "WorkQueue" -> new WorkQueueChannel();
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public void put(Control control, ProducerCounters counters) {
        while (!channel.offer() && !control.stopMeasurement) {
            counters.rejected++;
            Thread.onSpinWait();
        }
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public long take(Control control, ConsumerCounters counters) {
        long got;
        while ((got = channel.poll(counters)) < 0 && !control.stopMeasurement) {
            Thread.onSpinWait();
        }
        return got;
    }

    /** What the producer saw: offers refused because the buffer was full (backpressure, not loss). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ProducerCounters {
        public long rejected;
    }

    /** What the consumer saw: a redelivery here would mean a lease expired under a live consumer. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ConsumerCounters {
        public long redelivered;
    }

    interface Channel {
        boolean offer();

        /** The message's number, or -1 when nothing is there. */
        long poll(ConsumerCounters counters);
    }

    static final class JdkChannel implements Channel {
        private final Queue<Long> queue;
        private final AtomicLong inTransit;   // bounds an unbounded queue like the others; null for bounded ones
        private long next;

        JdkChannel(Queue<Long> queue, boolean bounded) {
            this.queue = queue;
            this.inTransit = bounded ? null : new AtomicLong();
        }

        @Override
        public boolean offer() {
            if (inTransit != null && inTransit.get() >= CAPACITY) {
                return false;
            }
            if (queue.offer(next)) {
                next++;
                if (inTransit != null) {
                    inTransit.incrementAndGet();
                }
                return true;
            }
            return false;
        }

        @Override
        public long poll(ConsumerCounters counters) {
            Long got = queue.poll();
            if (got == null) {
                return -1;
            }
            if (inTransit != null) {
                inTransit.decrementAndGet();
            }
            return got;
        }
    }

    static final class DisruptorChannel implements Channel {
        static final class Slot {
            long value;
        }

        private final RingBuffer<Slot> ring = RingBuffer.createSingleProducer(Slot::new, CAPACITY, new YieldingWaitStrategy());
        private final EventPoller<Slot> poller = ring.newPoller();
        private final long[] last = new long[1];
        private long next;

        DisruptorChannel() {
            ring.addGatingSequences(poller.getSequence());
        }

        @Override
        public boolean offer() {
            try {
                long seq = ring.tryNext();
                ring.get(seq).value = next++;
                ring.publish(seq);
                return true;
            } catch (InsufficientCapacityException full) {
                return false;
            }
        }

        @Override
        public long poll(ConsumerCounters counters) {
            last[0] = -1;
            try {
                poller.poll((slot, sequence, endOfBatch) -> {
                    last[0] = slot.value;
                    return false;             // one message per call, as the queues give
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0];
        }
    }

    static final class WorkQueueChannel implements Channel {
        private final WorkQueue queue = new SqsWorkQueue(WorkQueueConfig.standardQueue().withMaxReceives(Cycles.MAX_RECEIVES),
                TickingClock.shared());
        private final AtomicLong acked = new AtomicLong();
        private final Duration visibility = Duration.ofSeconds(30);
        private long sent;

        @Override
        public boolean offer() {
            if (sent - acked.get() >= CAPACITY) {
                return false;
            }
            queue.send(Message.of(Long.toString(sent), "payload"));
            sent++;
            return true;
        }

        @Override
        public long poll(ConsumerCounters counters) {
            List<Delivery> got = queue.receive("consumer", 1, visibility);
            if (got.isEmpty()) {
                return -1;
            }
            Delivery d = got.get(0);
            if (d.receiveCount() > 1) {
                counters.redelivered++;
            }
            queue.ack(d.receipt());
            acked.incrementAndGet();
            return d.receiveCount();
        }
    }
}
