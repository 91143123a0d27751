package dev.queuelab.brokers;

import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Makes a fresh pair of queues (the queue and its dead-letter queue) on an SQS endpoint for every run, named
 * {@code queuelab-<run>-<n>} so runs never share one, and deletes every queue it made when closed. The clock is
 * not the broker's: SQS keeps its own time, and the runner's clock only waits for it.
 */
public final class SqsWorkQueueFactory implements WorkQueueFactory, AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final SqsClient sqs;
    private final long run = RUNS.incrementAndGet();
    private final List<String> made = new ArrayList<>();
    private int queues;

    public SqsWorkQueueFactory(SqsBroker broker) {
        this.sqs = broker.client();
    }

    @Override
    public WorkQueue create(WorkQueueConfig config, InstantSource clock) {
        String name = "queuelab-" + run + "-" + (++queues);
        String suffix = config.fifo() ? ".fifo" : "";
        String deadLetters = null;
        Map<QueueAttributeName, String> attributes = new java.util.HashMap<>();
        attributes.put(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                Long.toString(config.visibilityTimeout().toSeconds()));
        if (config.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
        }
        if (config.redrive().isPresent()) {
            Map<QueueAttributeName, String> dlq = new java.util.HashMap<>();
            if (config.fifo()) {
                dlq.put(QueueAttributeName.FIFO_QUEUE, "true");
            }
            deadLetters = make(name + "-dlq" + suffix, dlq);
            String dlqUrl = deadLetters;
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            attributes.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + config.maxReceives() + "\"}");
        }
        return new SqsWorkQueue(sqs, config, make(name + suffix, attributes), deadLetters);
    }

    private String make(String name, Map<QueueAttributeName, String> attributes) {
        String url =
                sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
        made.add(url);
        return url;
    }

    /** Deletes every queue this factory made (on a user's endpoint too: a check leaves nothing behind). */
    @Override
    public void close() {
        for (String url : made) {
            try {
                sqs.deleteQueue(r -> r.queueUrl(url));
            } catch (RuntimeException e) {
                // already gone, or the endpoint stopped: nothing is left to clean
            }
        }
        made.clear();
        sqs.close();
    }
}
