package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.brokers.SqsBroker;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The work queue's cycle through a real SQS-compatible server beside the reference, in the same run: what the
 * network hop, HTTP and SQS's JSON protocol cost a message. Context, not a goal: the server is ElasticMQ in
 * this JVM on loopback, so no figure here says what Amazon SQS does.
 *
 * <pre>
 *   cycle:    send ──► receive(1) ──► ack                          reference: method calls
 *   batch10:  send x10 ──► receive(10) ──► ack the 10 in one call  ElasticMQ: HTTP on 127.0.0.1, AWS SDK v2
 *             (ElasticMQ: SendMessageBatch, ReceiveMessage(MaxNumberOfMessages=10), DeleteMessageBatch)
 * </pre>
 *
 * Measures messages per second, one thread. The reference is the SQS-style work queue with a redrive policy
 * (10 receives) and a ticking clock; the peer is a standard queue on ElasticMQ, started once per fork, with the
 * AWS SDK's URL-connection client that {@code queuelab brokers} uses. ElasticMQ runs inside the benchmark's
 * JVM, so its threads share the two cores with the client, and {@code -prof gc}'s allocation per message counts
 * the client's and the server's together. A receive that comes back short is asked again; a message that never
 * comes back fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class BrokerPeersQueueBenchmark {

    static final int BATCH = 10;
    static final int VISIBILITY_SECONDS = 30;
    static final String PAYLOAD = "payload";

    /** One queue, on the reference or on ElasticMQ, for the whole fork. */
    @State(Scope.Thread)
    public static class Queues {
        @Param({"reference", "ElasticMQ"})
        public String peer;

        SqsBroker broker;
        SqsClient sqs;
        String url;
        WorkQueue queue;
        long next;
        final List<Receipt> receipts = new ArrayList<>(BATCH);
        final List<SendMessageBatchRequestEntry> sends = new ArrayList<>(BATCH);
        final List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>(BATCH);

        @Setup(Level.Trial)
        public void start() {
            switch (peer) {
                case "reference" ->
                    queue = new SqsWorkQueue(
                            WorkQueueConfig.standardQueue().withMaxReceives(Cycles.MAX_RECEIVES),
                            TickingClock.shared());
                case "ElasticMQ" -> {
                    broker = SqsBroker.start();
                    sqs = broker.client();
                    url = sqs.createQueue(r -> r.queueName("peers")).queueUrl();
                }
                default -> throw new IllegalArgumentException("peer " + peer + ": reference or ElasticMQ");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (broker != null) {
                sqs.close();
                broker.close();
                broker = null;
            }
        }

        /** The server's port while it runs (for the lifecycle test), else -1. */
        int port() {
            return broker == null ? -1 : broker.endpoint().getPort();
        }
    }

    @Benchmark
    public int cycle(Queues q) {
        if (q.queue != null) {
            q.queue.send(Message.of(Long.toString(q.next++), PAYLOAD));
            List<Delivery> got = q.queue.receive("consumer", 1, Cycles.VISIBILITY);
            if (got.size() != 1 || q.queue.ack(got.get(0).receipt()) != ReceiptOutcome.ACCEPTED) {
                throw new IllegalStateException("the reference lost a message: " + got);
            }
            return got.get(0).receiveCount();
        }
        q.sqs.sendMessage(r -> r.queueUrl(q.url).messageBody(PAYLOAD));
        var got = q.sqs.receiveMessage(r -> r.queueUrl(q.url)
                        .maxNumberOfMessages(1)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(VISIBILITY_SECONDS))
                .messages();
        if (got.size() != 1) {
            throw new IllegalStateException("ElasticMQ answered " + got.size() + " messages to a receive of 1");
        }
        String handle = got.get(0).receiptHandle();
        q.sqs.deleteMessage(r -> r.queueUrl(q.url).receiptHandle(handle));
        return got.size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batch10(Queues q) {
        return q.queue != null ? referenceBatch(q) : elasticMqBatch(q);
    }

    private static int referenceBatch(Queues q) {
        for (int i = 0; i < BATCH; i++) {
            q.queue.send(Message.of(Long.toString(q.next++), PAYLOAD));
        }
        q.receipts.clear();
        while (q.receipts.size() < BATCH) {
            List<Delivery> got = q.queue.receive("consumer", BATCH - q.receipts.size(), Cycles.VISIBILITY);
            if (got.isEmpty()) {
                throw new IllegalStateException("the reference returned " + q.receipts.size() + " of " + BATCH);
            }
            got.forEach(d -> q.receipts.add(d.receipt()));
        }
        if (q.queue.ackBatch(q.receipts).contains(ReceiptOutcome.STALE)) {
            throw new IllegalStateException("the reference refused an ack of its own receipts");
        }
        return q.receipts.size();
    }

    private static int elasticMqBatch(Queues q) {
        q.sends.clear();
        for (int i = 0; i < BATCH; i++) {
            q.sends.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(PAYLOAD)
                    .build());
        }
        var sent = q.sqs.sendMessageBatch(r -> r.queueUrl(q.url).entries(q.sends));
        if (!sent.failed().isEmpty()) {
            throw new IllegalStateException("ElasticMQ refused sends: " + sent.failed());
        }
        q.deletes.clear();
        while (q.deletes.size() < BATCH) {
            int want = BATCH - q.deletes.size();
            var got = q.sqs.receiveMessage(r -> r.queueUrl(q.url)
                            .maxNumberOfMessages(want)
                            .waitTimeSeconds(0)
                            .visibilityTimeout(VISIBILITY_SECONDS))
                    .messages();
            if (got.isEmpty()) {
                throw new IllegalStateException("ElasticMQ returned " + q.deletes.size() + " of " + BATCH);
            }
            for (var m : got) {
                q.deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(q.deletes.size()))
                        .receiptHandle(m.receiptHandle())
                        .build());
            }
        }
        var deleted = q.sqs.deleteMessageBatch(r -> r.queueUrl(q.url).entries(q.deletes));
        if (!deleted.failed().isEmpty()) {
            throw new IllegalStateException("ElasticMQ refused deletes: " + deleted.failed());
        }
        return q.deletes.size();
    }
}
