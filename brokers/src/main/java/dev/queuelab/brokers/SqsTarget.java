package dev.queuelab.brokers;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQS as a work queue: ElasticMQ in process, or a user's endpoint (real SQS, or another emulator). */
final class SqsTarget implements BrokerTarget {

    /**
     * What the harness holds an SQS queue to: FIFO and dead-letter queues, and not exact statistics (SQS's counts
     * are approximate and lag).
     */
    static final WorkQueueCapabilities CAPABILITIES = new WorkQueueCapabilities(true, true, false);

    /**
     * An SQS trace waits out visibility timeouts in whole seconds (about a minute and a half of real time each), and
     * ElasticMQ answers from memory: 25 traces at a time keep a diff of 100 to four waves.
     */
    static final int DIFF_PARALLEL = 25;

    static final BrokerSuite<?, ?, ?, WorkQueueFactory, ?> SUITE = new BrokerSuite<>(
            "sqs",
            WorkQueueChecks::withClocks,
            new WorkQueueTimeScale(),
            CAPABILITIES,
            List.of(WorkQueueProperty.values()),
            Map.of(),
            Implementations.workQueue("reference"),
            DIFF_PARALLEL);

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public String about() {
        return "an SQS API as a work queue (ElasticMQ 1.7 in process, AWS SDK v2); the work-queue checks";
    }

    @Override
    public String addressOption() {
        return "--sqs-endpoint";
    }

    @Override
    public int defaultTrials() {
        return 5;
    }

    @Override
    public int check(Optional<String> address, Settings settings, Optional<String> property, PrintWriter out) {
        try (SqsBroker sqs = address.map(SqsBroker::at).orElseGet(SqsBroker::start);
                SqsWorkQueueFactory factory = new SqsWorkQueueFactory(sqs)) {
            out.println("brokers check sqs: " + describe(sqs) + ", " + settings.trials()
                    + " real-time trial(s) per property, seed " + settings.trialSeed(0));
            out.flush();
            return SUITE.check(factory, settings, property, "./queuelab brokers check sqs" + replay(address), out);
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (SqsBroker sqs = address.map(SqsBroker::at).orElseGet(SqsBroker::start);
                SqsWorkQueueFactory factory = new SqsWorkQueueFactory(sqs)) {
            out.println("brokers diff sqs: " + traces + " traces (seed " + seed + ") in lock step on the reference"
                    + " and " + describe(sqs));
            out.flush();
            return BrokerDiff.run(SUITE, factory, traces, seed, out);
        }
    }

    private static String describe(SqsBroker sqs) {
        return (sqs.owned() ? "ElasticMQ in process at " : "the SQS endpoint ") + sqs.endpoint();
    }

    private static String replay(Optional<String> address) {
        return address.map(a -> " --sqs-endpoint " + a).orElse("");
    }
}
