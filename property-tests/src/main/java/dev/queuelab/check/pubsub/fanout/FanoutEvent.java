package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.PublishOutcome;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.check.Event;
import java.time.Instant;
import java.util.List;

/** What the topic and its queues answered at each step. */
sealed interface FanoutEvent extends Event {

    record Subscribed(int step, Instant at, String subscription, SubscriptionConfig config)
            implements FanoutEvent, Event.ByChecker {
        @Override
        public String action() {
            return "subscribe " + subscription + " ("
                    + config.filter().map(f -> "filter " + f).orElse("no filter")
                    + (config.raw() ? ", raw" : ", envelope") + (config.deadLetterQueue() ? ", dead-letter queue" : "")
                    + ")";
        }

        @Override
        public String answer() {
            return "ok";
        }
    }

    record Published(int step, Instant at, Publication publication, PublishOutcome answered)
            implements FanoutEvent, Event.ByProducer {
        @Override
        public String producer() {
            return "publisher";
        }

        @Override
        public String action() {
            Publication p = publication;
            return "publisher publishes " + p.id() + " attributes " + p.attributes() + " body " + p.message()
                    + (p.groupId() == null ? "" : " group " + p.groupId())
                    + (p.dedupId() == null ? "" : " dedup " + p.dedupId());
        }

        @Override
        public String answer() {
            return answered.status().name().toLowerCase() + " " + answered.messageId();
        }
    }

    record Refused(int step, Instant at, String subscription, boolean refusing)
            implements FanoutEvent, Event.ByChecker {
        @Override
        public String action() {
            return subscription + "'s queue " + (refusing ? "starts" : "stops") + " refusing deliveries";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Consumed(int step, Instant at, String consumer, int max, List<Message> messages)
            implements FanoutEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + "'s consumer receives up to " + max + " and acks them";
        }

        @Override
        public String answer() {
            return messages.stream().map(Message::id).toList().toString();
        }
    }

    record DeadLetters(int step, Instant at, String subscription, List<Message> messages)
            implements FanoutEvent, Event.ByChecker {
        @Override
        public String action() {
            return "read " + subscription + "'s dead-letter queue";
        }

        @Override
        public String answer() {
            return messages.stream().map(Message::id).toList().toString();
        }
    }

    record Ticked(int step, Instant at, int seconds) implements FanoutEvent, Event.ByChecker {
        @Override
        public String action() {
            return "clock advances " + seconds + "s";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Skipped(int step, Instant at, String action, String why) implements FanoutEvent, Event.NotTaken {}

    record Threw(int step, Instant at, String action, String error) implements FanoutEvent, Event.Thrown {}
}
