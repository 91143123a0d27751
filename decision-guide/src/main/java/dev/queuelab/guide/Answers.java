package dev.queuelab.guide;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to the guide: the six questions, the producer, then the context. Immutable and typed;
 * {@link AnswersReader} builds it from a file and checks every value, {@link #toMap()} writes it back in the
 * file's own keys.
 *
 * @param sync     does the caller need the result now, or can the work happen later
 * @param shape    distribute work among consumers, or broadcast events to every subscriber
 * @param replay   must consumers be able to read past messages again
 * @param ordering none, per key, or one global order
 * @param semantic at-most-once, at-least-once or exactly-once, as asked for
 * @param failure  how processing fails: worst-case time, attempts, poison messages
 * @param producer what the producer does besides publishing
 * @param context  the numbers and constraints around the answers
 */
public record Answers(
        Sync sync,
        Shape shape,
        boolean replay,
        Ordering ordering,
        Semantic semantic,
        Failure failure,
        Producer producer,
        Context context) {

    public enum Sync implements Choice {
        SYNC,
        ASYNC;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Shape implements Choice {
        DISTRIBUTE,
        BROADCAST;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Ordering implements Choice {
        NONE,
        PER_KEY,
        GLOBAL;

        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public enum Semantic implements Choice {
        AT_MOST_ONCE,
        AT_LEAST_ONCE,
        EXACTLY_ONCE;

        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** {@code DB_THEN_PUBLISH}: the producer writes its own database and then publishes (a dual write). */
    public enum Producer implements Choice {
        PUBLISH_ONLY,
        DB_THEN_PUBLISH;

        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** Who produces: the application's own write, a change-data-capture connector, or devices in the field. */
    public enum ProducerKind implements Choice {
        APP,
        CDC,
        DEVICE;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Runtime implements Choice {
        SERVICE,
        FUNCTION;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Platform implements Choice {
        AWS,
        GCP,
        AZURE,
        SELF_HOSTED,
        ANY;

        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public enum SideEffects implements Choice {
        EXTERNAL,
        INTERNAL;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum OpsAppetite implements Choice {
        LOW,
        HIGH;

        public String word() {
            return name().toLowerCase();
        }
    }

    /**
     * @param maxProcessingSeconds worst-case processing time of one message, in seconds
     * @param maxAttempts          attempts before a message counts as poison
     * @param poisonExpected       are some messages expected to fail every time
     * @param retryHorizonHours    how long a failing message is retried before it is given up on (a webhook's
     *                             endpoint may be down for days); 0 where only the attempts are asked
     * @param backoffBaseSeconds   the first retry's delay, doubled for each later one
     */
    public record Failure(
            int maxProcessingSeconds,
            int maxAttempts,
            boolean poisonExpected,
            double retryHorizonHours,
            double backoffBaseSeconds) {}

    /**
     * @param throughputPerSecond  peak messages per second
     * @param payloadKb            typical payload size in KiB (0.2 for a small presence update)
     * @param p99ProcessingSeconds p99 processing time per message, in seconds
     * @param consumerRuntime      long-running service or serverless function
     * @param platform             where it runs
     * @param subscribers          independent subscribers (services) that need each message
     * @param retentionDays        how long messages must be kept, in days (0: until consumed)
     * @param sideEffects          effects outside the system (emails, payments, third-party calls) or not
     * @param opsAppetite          managed services, or run our own brokers
     * @param tenantFairness       many tenants share the queue, and one tenant's burst must not delay the others
     * @param feature              what the messages are for, in the team's words ("webhook delivery"); empty
     *                             where not given
     * @param producerKind         who produces: the application, a CDC connector, or devices
     * @param latencyBudgetSeconds the longest a message may take from send to its effect; 0 where none is set
     * @param bulkLoadMessages     messages that arrive at once in a bulk load (a nightly import); 0 where none
     * @param minConsumerInstances the fewest consumer instances to run, for failover; 0 for the guide's policy
     */
    public record Context(
            double throughputPerSecond,
            double payloadKb,
            double p99ProcessingSeconds,
            Runtime consumerRuntime,
            Platform platform,
            int subscribers,
            int retentionDays,
            SideEffects sideEffects,
            OpsAppetite opsAppetite,
            boolean tenantFairness,
            String feature,
            ProducerKind producerKind,
            double latencyBudgetSeconds,
            int bulkLoadMessages,
            int minConsumerInstances) {

        public double payloadBytes() {
            return payloadKb * 1024;
        }
    }

    public boolean async() {
        return sync == Sync.ASYNC;
    }

    public boolean ordered() {
        return ordering != Ordering.NONE;
    }

    public boolean broadcast() {
        return shape == Shape.BROADCAST;
    }

    /** The answers in the file's keys and order, for {@code --save-answers}. */
    public Map<String, Object> toMap() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("max-processing-seconds", failure.maxProcessingSeconds());
        f.put("max-attempts", failure.maxAttempts());
        f.put("poison-expected", failure.poisonExpected());
        f.put("retry-horizon-hours", failure.retryHorizonHours());
        f.put("backoff-base-seconds", failure.backoffBaseSeconds());
        Map<String, Object> m = new LinkedHashMap<>();
        if (!context.feature().isEmpty()) {
            m.put("feature", context.feature());
        }
        m.put("sync", sync.word());
        m.put("shape", shape.word());
        m.put("subscribers", context.subscribers());
        m.put("replay", replay);
        m.put("ordering", ordering.word());
        m.put("semantic", semantic.word());
        m.put("failure", f);
        m.put("producer", producer.word());
        m.put("throughput-per-second", context.throughputPerSecond());
        m.put("payload-kb", context.payloadKb());
        m.put("p99-processing-seconds", context.p99ProcessingSeconds());
        m.put("consumer-runtime", context.consumerRuntime().word());
        m.put("platform", context.platform().word());
        m.put("retention-days", context.retentionDays());
        m.put("side-effects", context.sideEffects().word());
        m.put("ops-appetite", context.opsAppetite().word());
        m.put("tenant-fairness", context.tenantFairness());
        m.put("producer-kind", context.producerKind().word());
        m.put("latency-budget-seconds", context.latencyBudgetSeconds());
        m.put("bulk-load-messages", context.bulkLoadMessages());
        m.put("min-consumer-instances", context.minConsumerInstances());
        return m;
    }
}
