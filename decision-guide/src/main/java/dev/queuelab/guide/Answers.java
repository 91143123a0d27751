package dev.queuelab.guide;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to the guide: the six questions, then the context. Immutable; {@link AnswersReader} builds
 * it from a file and checks every value, {@link #toMap()} writes it back in the file's own keys.
 *
 * @param sync     does the caller need the result now ("sync") or can the work happen later ("async")
 * @param shape    "distribute" work among consumers, or "broadcast" events to every subscriber
 * @param replay   must consumers be able to read past messages again
 * @param ordering "none", "per-key" or "global"
 * @param semantic "at-most-once", "at-least-once" or "exactly-once"
 * @param failure  how processing fails: worst-case time, attempts, poison messages
 * @param context  the numbers and constraints around the answers
 */
public record Answers(String sync, String shape, boolean replay, String ordering, String semantic, Failure failure,
                      Context context) {

    /**
     * @param maxProcessingSeconds worst-case processing time of one message, in seconds
     * @param maxAttempts          attempts before a message counts as poison
     * @param poisonExpected       are some messages expected to fail every time
     */
    public record Failure(int maxProcessingSeconds, int maxAttempts, boolean poisonExpected) {
    }

    /**
     * @param throughputPerSecond  peak messages per second
     * @param payloadKb            typical payload size in KiB
     * @param p99ProcessingSeconds p99 processing time per message, in seconds
     * @param consumerRuntime      "service" (long-running) or "function" (serverless)
     * @param platform             "aws", "gcp", "azure", "self-hosted" or "any"
     * @param subscribers          independent subscribers (services) that need each message
     * @param retentionDays        how long messages must be kept, in days (0: until consumed)
     * @param sideEffects          "external" (emails, payments, third-party calls) or "internal"
     * @param opsAppetite          "low" (managed services) or "high" (run our own brokers)
     */
    public record Context(int throughputPerSecond, int payloadKb, double p99ProcessingSeconds, String consumerRuntime,
                          String platform, int subscribers, int retentionDays, String sideEffects, String opsAppetite) {
    }

    /** The answers in the file's keys and order, for {@code --save-answers}. */
    public Map<String, Object> toMap() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("max-processing-seconds", failure.maxProcessingSeconds());
        f.put("max-attempts", failure.maxAttempts());
        f.put("poison-expected", failure.poisonExpected());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sync", sync);
        m.put("shape", shape);
        m.put("replay", replay);
        m.put("ordering", ordering);
        m.put("semantic", semantic);
        m.put("failure", f);
        m.put("throughput-per-second", context.throughputPerSecond());
        m.put("payload-kb", context.payloadKb());
        m.put("p99-processing-seconds", context.p99ProcessingSeconds());
        m.put("consumer-runtime", context.consumerRuntime());
        m.put("platform", context.platform());
        m.put("subscribers", context.subscribers());
        m.put("retention-days", context.retentionDays());
        m.put("side-effects", context.sideEffects());
        m.put("ops-appetite", context.opsAppetite());
        return m;
    }
}
