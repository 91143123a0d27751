package dev.queuelab.brokers;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.MissingGroupIdException;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The work-queue contract over a real SQS API (ElasticMQ, or SQS itself) through the AWS SDK v2: one call of the
 * API per contract call, each answer translated as it came, never improved on. What SQS does not answer, the
 * adapter does not make up: a duplicate send is told by SQS answering the first send's MessageId again, a stale
 * receipt by SQS's error, and statistics are SQS's approximate counts.
 *
 * <p>Invariants:
 *   SA1 a message's id, dedup id and headers travel as message attributes and come back from the broker, so the model judges what the broker returned
 *   SA2 a receipt names the broker's receipt handle of that one delivery
 *   SA3 a redrive is the operator's: every dead letter is received, sent again to the queue (its group kept, a fresh deduplication id) and deleted from the dead-letter queue.
 *
 * <p>Thread-safety: one thread (the runner's). Real world: Amazon SQS, standard and FIFO, with a redrive policy.
 */
final class SqsWorkQueue implements WorkQueue {

    static final String ID = "queuelab-id";
    static final String DEDUP = "queuelab-dedup";

    private final SqsClient sqs;
    private final WorkQueueConfig config;
    private final String url;
    private final String deadLetterUrl; // null without a redrive policy
    private final Map<Long, String> handles = new HashMap<>(); // receipt number -> the broker's receipt handle
    private final Map<String, String> firstSends = new HashMap<>(); // broker MessageId -> the producer's id
    private long deliveries;

    SqsWorkQueue(SqsClient sqs, WorkQueueConfig config, String url, String deadLetterUrl) {
        this.sqs = sqs;
        this.config = config;
        this.url = url;
        this.deadLetterUrl = deadLetterUrl;
    }

    @Override
    public SendOutcome send(Message message) {
        if (config.fifo() && message.groupId() == null) {
            // SQS answers MissingParameter; asked here so no request goes out that the contract says is refused
            try {
                sqs.sendMessage(request(message, null).build());
            } catch (SqsException e) {
                throw new MissingGroupIdException(message.id());
            }
        }
        String brokerId =
                sqs.sendMessage(request(message, message.dedupId()).build()).messageId();
        String first = firstSends.putIfAbsent(brokerId, message.id());
        return first == null ? SendOutcome.accepted(message.id()) : SendOutcome.duplicateOf(first);
    }

    private SendMessageRequest.Builder request(Message message, String dedupId) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put(ID, text(message.id()));
        if (message.dedupId() != null) {
            attributes.put(DEDUP, text(message.dedupId()));
        }
        message.headers().forEach((k, v) -> attributes.put(k, text(v)));
        SendMessageRequest.Builder b = SendMessageRequest.builder()
                .queueUrl(url)
                .messageBody(message.payload())
                .messageAttributes(attributes);
        if (config.fifo()) {
            // a FIFO queue needs a deduplication id on every send (no content-based dedup): a fresh one when none
            b.messageGroupId(message.groupId())
                    .messageDeduplicationId(
                            dedupId != null ? dedupId : UUID.randomUUID().toString());
        }
        return b;
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        WorkQueueConfig.requireBatch(max);
        List<Delivery> out = new ArrayList<>();
        for (software.amazon.awssdk.services.sqs.model.Message m : receiveFrom(url, max, visibility)) {
            long n = ++deliveries;
            handles.put(n, m.receiptHandle());
            Message message = message(m);
            int count = Integer.parseInt(
                    m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0"));
            out.add(new Delivery(message, new Receipt(message.id(), n), count));
        }
        return out;
    }

    private List<software.amazon.awssdk.services.sqs.model.Message> receiveFrom(
            String queue, int max, Duration visibility) {
        return sqs.receiveMessage(r -> r.queueUrl(queue)
                        .maxNumberOfMessages(max)
                        .visibilityTimeout(Math.toIntExact(visibility.toSeconds()))
                        .waitTimeSeconds(0)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .messages();
    }

    private static Message message(software.amazon.awssdk.services.sqs.model.Message m) {
        Map<String, String> headers = new HashMap<>();
        m.messageAttributes().forEach((k, v) -> headers.put(k, v.stringValue()));
        String id = headers.remove(ID);
        String dedup = headers.remove(DEDUP);
        String group = m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        return new Message(id == null ? "(no " + ID + ")" : id, group, dedup, m.body(), headers);
    }

    @Override
    public ReceiptOutcome ack(Receipt receipt) {
        String handle = handles.get(receipt.delivery());
        if (handle == null) {
            return ReceiptOutcome.STALE;
        }
        try {
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(handle));
            return ReceiptOutcome.ACCEPTED;
        } catch (SqsException e) {
            return refused(e);
        }
    }

    @Override
    public ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        WorkQueueConfig.requireVisibility("visibility", visibility);
        String handle = handles.get(receipt.delivery());
        if (handle == null) {
            return ReceiptOutcome.STALE;
        }
        try {
            sqs.changeMessageVisibility(r ->
                    r.queueUrl(url).receiptHandle(handle).visibilityTimeout(Math.toIntExact(visibility.toSeconds())));
            return ReceiptOutcome.ACCEPTED;
        } catch (SqsException e) {
            return refused(e);
        }
    }

    /** SQS refuses a receipt it no longer honours with an error; any other error is the broker failing. */
    private static ReceiptOutcome refused(SqsException e) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        if (code.contains("ReceiptHandleIsInvalid")
                || code.contains("MessageNotInflight")
                || code.contains("InvalidParameterValue")) {
            return ReceiptOutcome.STALE;
        }
        throw e;
    }

    @Override
    public List<Message> deadLetters() {
        if (deadLetterUrl == null) {
            return List.of();
        }
        List<software.amazon.awssdk.services.sqs.model.Message> seen = drainDeadLetters(Duration.ofSeconds(30));
        for (software.amazon.awssdk.services.sqs.model.Message m : seen) {
            sqs.changeMessageVisibility(r ->
                    r.queueUrl(deadLetterUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        return seen.stream().map(SqsWorkQueue::message).toList();
    }

    private List<software.amazon.awssdk.services.sqs.model.Message> drainDeadLetters(Duration hold) {
        List<software.amazon.awssdk.services.sqs.model.Message> all = new ArrayList<>();
        while (true) {
            var got = receiveFrom(deadLetterUrl, WorkQueueConfig.MAX_BATCH, hold);
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
        }
    }

    @Override
    public int redrive() {
        if (deadLetterUrl == null) {
            return 0;
        }
        int moved = 0;
        for (software.amazon.awssdk.services.sqs.model.Message m : drainDeadLetters(Duration.ofSeconds(60))) {
            Message message = message(m);
            SendMessageRequest.Builder again =
                    request(message, UUID.randomUUID().toString());
            sqs.sendMessage(again.build());
            sqs.deleteMessage(r -> r.queueUrl(deadLetterUrl).receiptHandle(m.receiptHandle()));
            moved++;
        }
        return moved;
    }

    @Override
    public QueueStats stats() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        int dead = deadLetterUrl == null
                ? 0
                : Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl)
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes()
                        .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        return new QueueStats(
                Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")),
                dead,
                Duration.ZERO);
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
