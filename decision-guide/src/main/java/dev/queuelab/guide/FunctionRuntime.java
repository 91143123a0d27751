package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A consumer that runs as a function: Lambda's timeout, batch failure reporting, event source mapping concurrency
 * and the account's concurrent executions (on an SQS queue, a Kinesis stream or an MSK topic alike), and the
 * runtime limit of a function on Google Cloud or Azure. The runtime, not the product, decides these, so they live
 * here rather than with a product's rules.
 */
final class FunctionRuntime {

    private FunctionRuntime() {}

    /** Lambda's settings, after the lease: its timeout, how it reports a failed batch item, its concurrency. */
    static List<Setting> settings(Design d) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Setting> out = new ArrayList<>();
        if (s.lambda()) {
            facts.add("lambda.timeout");
            double timeout = Math.min(s.a().failure().maxProcessingSeconds(), fact("lambda.timeout", "max-seconds"));
            out.add(new Setting(
                    "function timeout",
                    Numbers.plain(timeout) + " s",
                    timeout,
                    new Profile.Range(null, fact("lambda.timeout", "max-seconds")),
                    "s",
                    "lambda.timeout"));
            out.add(new Setting(
                    "FunctionResponseTypes",
                    d.lambdaOnShards()
                            // a stream is checkpointed: everything after the failed record is read again
                            ? "ReportBatchItemFailures: return the first failed record's sequence number; Lambda"
                                    + " checkpoints below it and retries that record and every later one of the"
                                    + " batch"
                            : s.a().ordered()
                                    ? "ReportBatchItemFailures: stop at the first failed message and report it and"
                                            + " every later one of the batch, so its message group keeps its order"
                                    : "ReportBatchItemFailures (a failed message is retried alone, not its whole"
                                            + " batch)",
                    null,
                    null,
                    null,
                    null));
            if (!d.lambdaOnShards()) {
                Profile.Range r = d.range("lambda.sqs-max-concurrency");
                double wanted = r.clamp(d.sizing().consumersNeeded());
                out.add(new Setting(
                        "MaximumConcurrency (event source mapping)",
                        Numbers.plain(wanted),
                        wanted,
                        r,
                        "",
                        "lambda.sqs-max-concurrency"));
            }
        }
        return out;
    }

    /** Lambda reading a shard: ParallelizationFactor batches at once, each partition key still in order. */
    static Setting parallelization(Design d, int n) {
        Profile.Range r = d.range("lambda.kinesis-parallelization");
        return new Setting(
                "ParallelizationFactor (event source mapping)",
                Numbers.plain(n) + " batches at once per shard" + " (records of one partition key stay in order)",
                (double) n,
                r,
                "",
                "lambda.kinesis-parallelization");
    }

    /** The function's runtime limit and concurrency, against its platform's quotas. */
    static List<Check> checks(Design d, Sizing sizing) {
        Situation s = d.s;
        Set<String> facts = d.facts;
        List<Check> out = new ArrayList<>();
        if (s.lambda()) {
            double limit = fact("lambda.timeout", "max-seconds");
            int worst = s.a().failure().maxProcessingSeconds();
            String detail = "worst-case processing of " + Numbers.plain(worst) + " s against Lambda's "
                    + Numbers.plain(limit) + " s limit";
            detail += "; " + Capacity.percent(worst, limit) + " used";
            out.add(
                    worst < limit
                            ? Check.ok("consumer-runtime-limit", detail)
                            : new Check(
                                    "consumer-runtime-limit",
                                    Status.FAIL,
                                    detail,
                                    "run the job where it may take as long as it needs: AWS Batch or ECS tasks on"
                                            + " Fargate started from the queue, AWS Elemental MediaConvert for media"
                                            + " transcodes, or Step Functions over steps that each finish within "
                                            + Numbers.plain(limit) + " s"));
        }
        if (s.lambda() && !d.lambdaOnShards()) {
            facts.add("lambda.sqs-max-concurrency");
            double max = fact("lambda.sqs-max-concurrency", "max-count");
            String detail = Numbers.plain(sizing.consumersNeeded())
                    + " concurrent invocations needed; one SQS event source " + "mapping runs at most "
                    + Numbers.plain(max) + " batches at once";
            detail += "; " + Capacity.percent(sizing.consumersNeeded(), max) + " used";
            int queues = (int) Math.ceil(sizing.consumersNeeded() / max);
            out.add(
                    sizing.consumersNeeded() <= max
                            ? Check.ok("lambda-concurrency", detail)
                            : new Check(
                                    "lambda-concurrency",
                                    Status.FAIL,
                                    detail,
                                    "the event source mapping's provisioned mode (provisioned pollers, which"
                                            + " scale further), run the consumers as long-running services "
                                            + "(containers), or spread the work over " + Numbers.plain(queues)
                                            + " queues, each with its own event source mapping, within the"
                                            + " account's concurrent executions (lambda-account-concurrency)"));
        }
        if (s.lambda()) {
            out.add(accountConcurrency(d, s, facts, sizing));
        }
        Check functionLimit = functionRuntimeLimit(d, s, facts);
        if (functionLimit != null) {
            out.add(functionLimit);
        }
        return out;
    }

    /**
     * The concurrent executions the functions need against the account's quota in the Region, which every
     * function shares: an SQS event source runs one per batch in flight, a Kinesis one ParallelizationFactor
     * batches per shard.
     */
    private static Check accountConcurrency(Design d, Situation s, Set<String> facts, Sizing sizing) {
        String id = "lambda.concurrency";
        facts.add(id);
        double needed = d.lambdaOnShards() && sizing.partitions() != null && sizing.inFlightPerPartition() != null
                ? (double) sizing.partitions() * sizing.inFlightPerPartition()
                : sizing.consumersNeeded();
        double quota = fact(id, "default-count");
        double raised = fact(id, "raised-count");
        String detail = Numbers.plain(needed) + " concurrent executions"
                + (d.lambdaOnShards()
                        ? " (" + Numbers.plain(sizing.partitions()) + " shards x ParallelizationFactor "
                                + Numbers.plain(sizing.inFlightPerPartition()) + ")"
                        : "")
                + " against the account's " + Numbers.plain(quota)
                + " per Region by default, shared by every function in it";
        detail += "; " + Capacity.percent(needed, quota) + " used";
        if (needed <= quota) {
            return Check.ok("lambda-account-concurrency", detail);
        }
        return needed <= raised
                ? new Check(
                        "lambda-account-concurrency",
                        Status.WARN,
                        detail,
                        "request a Service Quotas increase of Lambda's concurrent executions in the Region to at"
                                + " least " + Numbers.plain(needed) + ", before the traffic arrives")
                : new Check(
                        "lambda-account-concurrency",
                        Status.FAIL,
                        detail,
                        "run the consumers as long-running services (containers): " + Numbers.plain(needed)
                                + " concurrent executions is past the " + Numbers.plain(raised)
                                + " a raised quota is sure to reach");
    }

    /**
     * A function on Google Cloud or Azure runs for at most its platform's limit: 540 s for an event-driven Cloud
     * Run function, 10 minutes for Azure Functions on the Consumption plan. Null where neither applies.
     */
    private static Check functionRuntimeLimit(Design d, Situation s, Set<String> facts) {
        if (!s.functionOutsideAws()) {
            return null;
        }
        Answers.Platform platform = s.a().context().platform();
        String id;
        double limit;
        String fix;
        if (d.rules.home(s.product()).equals("gcp")) {
            id = "gcp.functions-timeout";
            limit = fact(id, "max-event-seconds");
            fix = "run the consumer as a service (Cloud Run or GKE) on a pull subscription, or split the job into"
                    + " steps that each finish within " + Numbers.plain(limit) + " s";
        } else if (platform == Answers.Platform.AZURE) {
            id = "azure.functions-timeout";
            limit = fact(id, "consumption-max-seconds");
            fix = "the Flex Consumption or Premium plan (no fixed functionTimeout cap), or a service, or split"
                    + " the job into steps that each finish within " + Numbers.plain(limit) + " s";
        } else {
            return null;
        }
        facts.add(id);
        int worst = s.a().failure().maxProcessingSeconds();
        String detail = "worst-case processing of " + Numbers.plain(worst) + " s against the "
                + Numbers.plain(limit) + " s " + Design.owner(id)
                + (id.startsWith("gcp") ? " gives an event-driven function" : " allows on the Consumption plan");
        detail += "; " + Capacity.percent(worst, limit) + " used";
        // a job whose worst case is the limit itself is stopped at it: the worst case must end below it
        return worst < limit
                ? Check.ok("consumer-runtime-limit", detail)
                : new Check("consumer-runtime-limit", Status.FAIL, detail, fix);
    }
}
