package dev.queuelab.bench;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.log.KafkaLog;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Control;

/**
 * What the handoff benchmarks share: a channel from one producer thread to one consumer thread that holds at
 * most {@value #CAPACITY} messages in transit, one implementation per candidate, and the producer's and the
 * consumer's loops. The producer offers one message at a time; the consumer takes up to a batch at a time.
 * Both spin rather than block, so that JMH can end an iteration while one side waits.
 */
public final class Handoffs {

    static final int CAPACITY = 1024;

    private Handoffs() {}

    /** One candidate, by the name its benchmark's {@code @Param} gives it. */
    static Channel channel(String impl) {
        return switch (impl) {
            case "ArrayBlockingQueue", "ArrayBlockingQueue-drainTo" ->
                new JdkChannel(new ArrayBlockingQueue<>(CAPACITY), true);
            case "LinkedBlockingQueue" -> new JdkChannel(new LinkedBlockingQueue<>(CAPACITY), true);
            case "ConcurrentLinkedQueue" -> new JdkChannel(new ConcurrentLinkedQueue<>(), false);
            case "Disruptor" -> new DisruptorChannel();
            case "WorkQueue", "WorkQueue-ackEach" -> new WorkQueueChannel(false);
            case "WorkQueue-ackBatch" -> new WorkQueueChannel(true);
            case "KafkaLog" -> new LogChannel();
            case "KafkaLog-apiObjects" -> new LogApiFloorChannel(); // by name only: the floor of the log's api
            case "ArrayBlockingQueue-apiObjects" -> new WorkQueueApiFloorChannel(); // by name only, as above
            default -> throw new IllegalArgumentException("impl " + impl);
        };
    }

    /** The producer's side: one message, offered until there is room; a message that had to wait counts once. */
    static void put(Channel channel, Control control, ProducerCounters counters) {
        if (channel.offer()) {
            return;
        }
        counters.rejected++;
        int spins = 0;
        while (!channel.offer() && !control.stopMeasurement) {
            spins = idle(spins);
        }
    }

    /** The consumer's side: up to {@code batch} messages, polled until at least one is there. */
    static int take(Channel channel, int batch, Control control, Consumed consumed, ConsumerCounters counters) {
        int got;
        int spins = 0;
        while ((got = channel.poll(batch, counters)) == 0 && !control.stopMeasurement) {
            spins = idle(spins);
        }
        consumed.messages += got;
        return got;
    }

    /**
     * The one-thread cycle benchmarks' round: offers {@code batch} messages, then polls them back, each poll
     * asking for all that are still waiting; returns how many it read, fewer than {@code batch} only when a poll
     * found nothing while messages were waiting (counted as {@code unread}).
     */
    static int offerThenPoll(Channel channel, int batch, Unread unread, ConsumerCounters counters) {
        for (int i = 0; i < batch; i++) {
            if (!channel.offer()) {
                throw new IllegalStateException(
                        "the channel refused a message with " + i + " of " + batch + " waiting");
            }
        }
        int read = 0;
        while (read < batch) {
            int got = channel.poll(batch - read, counters);
            if (got == 0) {
                unread.unread++;
                return read;
            }
            read += got;
        }
        return read;
    }

    /** A one-thread cycle's counter; must stay 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Unread {
        /** Polls that returned nothing while offered messages were waiting to be taken. */
        public long unread;
    }

    /**
     * Waits as the Disruptor's {@code YieldingWaitStrategy} does: spins {@value #SPINS} times, then yields the
     * core at each further try, so that a partner sharing the core gets to run instead of waiting out a
     * time slice.
     */
    static int idle(int spins) {
        if (spins < SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
        return spins + 1;
    }

    static final int SPINS = 100;

    /** The score: messages the consumer took, per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Consumed {
        public long messages;
    }

    /** What the producer saw: messages whose first offer a full buffer refused (backpressure, not loss). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ProducerCounters {
        public long rejected;
    }

    /** What the consumer saw; both must stay 0 (the report refuses a run where one is not). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ConsumerCounters {
        /** Deliveries with a receive count above 1: a lease expired under a live consumer. */
        public long redelivered;
        /** Acks refused: a receipt was not current. */
        public long refused;
    }

    interface Channel {
        boolean offer();

        /** Takes up to {@code max} messages; returns how many, 0 when nothing is there. */
        int poll(int max, ConsumerCounters counters);
    }

    static final class JdkChannel implements Channel {
        private final Queue<Long> queue;
        private final AtomicLong inTransit; // bounds an unbounded queue like the others; null for bounded ones
        private final List<Long> drained = new ArrayList<>(WorkQueueConfig.MAX_BATCH);
        private long next;

        JdkChannel(Queue<Long> queue, boolean bounded) {
            this.queue = queue;
            this.inTransit = bounded ? null : new AtomicLong();
        }

        @Override
        public boolean offer() {
            if (inTransit != null && inTransit.get() >= CAPACITY || !queue.offer(next)) {
                return false;
            }
            next++;
            if (inTransit != null) {
                inTransit.incrementAndGet();
            }
            return true;
        }

        @Override
        public int poll(int max, ConsumerCounters counters) {
            int got;
            if (max == 1) {
                got = queue.poll() == null ? 0 : 1;
            } else {
                got = ((BlockingQueue<Long>) queue).drainTo(drained, max); // one lock for the batch
                drained.clear();
            }
            if (inTransit != null && got > 0) {
                inTransit.addAndGet(-got);
            }
            return got;
        }
    }

    static final class DisruptorChannel implements Channel {
        static final class Slot {
            long value;
        }

        private final RingBuffer<Slot> ring =
                RingBuffer.createSingleProducer(Slot::new, CAPACITY, new YieldingWaitStrategy());
        private final EventPoller<Slot> poller = ring.newPoller();
        private final EventPoller.Handler<Slot> handler = this::onEvent; // made once: a poll allocates nothing
        private int limit;
        private int taken;
        private long last;
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
        public int poll(int max, ConsumerCounters counters) {
            limit = max;
            taken = 0;
            try {
                poller.poll(handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return taken;
        }

        private boolean onEvent(Slot slot, long sequence, boolean endOfBatch) {
            last = slot.value;
            return ++taken < limit; // false: this poll has its batch
        }
    }

    /**
     * The floor of any work queue behind its api, with no bookkeeping: an {@link ArrayBlockingQueue} carries the
     * same {@link Message} the work queue's channel sends, and each call makes what the api's call makes (the
     * send's outcome; per message taken, a receipt, a delivery, and the batch's list; an ack answers from a
     * constant, as the work queue's does). No index, lease, lane or clock.
     */
    static final class WorkQueueApiFloorChannel implements Channel {
        private final ArrayBlockingQueue<Message> queue = new ArrayBlockingQueue<>(CAPACITY);
        private final List<Message> drained = new ArrayList<>(WorkQueueConfig.MAX_BATCH);
        private final List<Delivery> batch = new ArrayList<>(WorkQueueConfig.MAX_BATCH);
        private Message unsent; // made once, offered until there is room, as the work queue's channel makes it once
        private long sent;
        private long deliveries;
        // what the api handed back, kept so that making it is not optimised away: one sink per thread, 80 bytes
        // apart, so that the two threads do not write one cache line
        private final Object[] producerSink = new Object[16];
        private final Object[] consumerSink = new Object[16];

        @Override
        public boolean offer() {
            if (unsent == null) {
                unsent = Message.of(Long.toString(sent), "payload");
            }
            if (!queue.offer(unsent)) {
                return false;
            }
            producerSink[8] = SendOutcome.accepted(unsent.id());
            unsent = null;
            sent++;
            return true;
        }

        @Override
        public int poll(int max, ConsumerCounters counters) {
            int got = queue.drainTo(drained, max); // one lock for the batch
            if (got == 0) {
                return 0;
            }
            batch.clear();
            for (Message m : drained) {
                batch.add(new Delivery(m, new Receipt(m.id(), ++deliveries), 1));
            }
            drained.clear();
            List<Delivery> received = List.copyOf(batch);
            for (Delivery d : received) {
                if (d.receiveCount() > 1) {
                    counters.redelivered++;
                }
                consumerSink[8] = d.receipt(); // the ack: the receipt handed back, answered from a constant
            }
            return received.size();
        }
    }

    static final class WorkQueueChannel implements Channel {
        private final WorkQueue queue = new SqsWorkQueue(
                WorkQueueConfig.standardQueue().withMaxReceives(Cycles.MAX_RECEIVES), TickingClock.shared());
        private final boolean ackBatch;
        private final AtomicLong acked = new AtomicLong();
        private final List<Receipt> receipts = new ArrayList<>(WorkQueueConfig.MAX_BATCH);
        private long sent;

        WorkQueueChannel(boolean ackBatch) {
            this.ackBatch = ackBatch;
        }

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
        public int poll(int max, ConsumerCounters counters) {
            List<Delivery> got = queue.receive("consumer", max, Cycles.VISIBILITY);
            if (got.isEmpty()) {
                return 0;
            }
            receipts.clear();
            for (Delivery d : got) {
                if (d.receiveCount() > 1) {
                    counters.redelivered++;
                }
                if (ackBatch) {
                    receipts.add(d.receipt());
                } else if (queue.ack(d.receipt()) != ReceiptOutcome.ACCEPTED) {
                    counters.refused++;
                }
            }
            if (ackBatch) {
                for (ReceiptOutcome outcome : queue.ackBatch(receipts)) {
                    if (outcome != ReceiptOutcome.ACCEPTED) {
                        counters.refused++;
                    }
                }
            }
            acked.addAndGet(got.size());
            return got.size();
        }
    }

    /**
     * The floor of any log behind the log's api, with no log: each append makes what the api makes (the
     * producer's record, the stored {@link ConsumerRecord} with its timestamp, the {@link AppendOutcome}) and
     * keeps the record in a ring; each read answers as the api does, a {@link FetchResult} holding its records.
     * No lock, segment, index or retention; one thread only.
     */
    static final class LogApiFloorChannel implements Channel {
        private final ConsumerRecord[] ring = new ConsumerRecord[CAPACITY];
        private final List<ConsumerRecord> batch = new ArrayList<>(CAPACITY);
        private final InstantSource clock = TickingClock.shared();
        private long appended;
        private long position;
        long lastOffset; // what the outcomes said, kept so that making them is not optimised away

        @Override
        public boolean offer() {
            if (appended - position >= CAPACITY) {
                return false;
            }
            ProducerRecord record = new ProducerRecord(null, "payload", Map.of());
            ring[(int) (appended % CAPACITY)] =
                    new ConsumerRecord(0, appended, clock.instant(), record.key(), record.value(), record.headers());
            lastOffset = AppendOutcome.appended(0, appended++).offset();
            return true;
        }

        @Override
        public int poll(int max, ConsumerCounters counters) {
            int n = (int) Math.min(max, appended - position);
            batch.clear();
            for (int i = 0; i < n; i++) {
                batch.add(ring[(int) ((position + i) % CAPACITY)]);
            }
            FetchResult got = new FetchResult(0, batch, position + n, 0, appended, appended);
            position = got.nextOffset();
            return got.records().size();
        }
    }

    /**
     * The log as a channel: the producer appends to partition 0, the consumer reads on from where its last
     * read ended (a tailing consumer). Segments of 1 MiB and 8 MiB kept bound the memory of a long run;
     * {@value #CAPACITY} records in transit are far less than retention keeps, so a read never falls off.
     */
    static final class LogChannel implements Channel {
        private final PartitionedLog log = new KafkaLog(
                LogConfig.of(1).withSegmentBytes(1 << 20).withRetentionBytes(8 << 20), TickingClock.shared());
        private final AtomicLong consumed = new AtomicLong();
        private long appended;
        private long position;

        @Override
        public boolean offer() {
            if (appended - consumed.get() >= CAPACITY) {
                return false;
            }
            log.append(0, new ProducerRecord(null, "payload", Map.of()));
            appended++;
            return true;
        }

        @Override
        public int poll(int max, ConsumerCounters counters) {
            FetchResult got = log.read(0, position, max, IsolationLevel.READ_UNCOMMITTED);
            position = got.nextOffset();
            int n = got.records().size();
            if (n > 0) {
                consumed.addAndGet(n);
            }
            return n;
        }
    }
}
