package dev.queuelab.learn;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.log.LogChecks;
import dev.queuelab.check.log.LogEvent;
import dev.queuelab.check.log.LogSetup;
import dev.queuelab.check.log.LogStep;
import dev.queuelab.check.log.LogStep.TxnAction;
import dev.queuelab.reference.log.KafkaLog;
import java.util.List;
import java.util.Map;

/** The named scenarios of {@code queuelab simulate} on the reference log: replay, rebalance, a fenced zombie. */
final class LogSimulations {

    private LogSimulations() {}

    static void addTo(Map<String, Simulations.Simulation> all) {
        LogSetup one = new LogSetup(LogConfig.of(1), IsolationLevel.READ_COMMITTED);
        add(
                all,
                "replay-vs-work-queue",
                "a log keeps what was read: A seeks back and reads it again (a work queue" + " deleted it at the ack)",
                one,
                produce(1),
                produce(2),
                new LogStep.Join("A", false),
                new LogStep.Poll("A", 10, true),
                new LogStep.Commit("A"),
                new LogStep.Replay("A", 2));
        add(
                all,
                "rebalance-duplicates",
                "A reads without committing and crashes: once its session times out the partition moves to B,"
                        + " who reads it again from the last commit",
                one,
                produce(1),
                produce(2),
                new LogStep.Join("A", false),
                new LogStep.Join("B", false),
                new LogStep.Poll("A", 10, true),
                new LogStep.Crash("A"),
                new LogStep.Tick(46),
                new LogStep.Poll("B", 10, true),
                new LogStep.Commit("B"));
        add(
                all,
                "zombie-producer-fenced",
                "a new instance of a transactional id fences the old one: the zombie's"
                        + " append and commit are refused",
                one,
                new LogStep.Txn(1, TxnAction.BEGIN, 1),
                new LogStep.Txn(1, TxnAction.APPEND, 1),
                new LogStep.Txn(1, TxnAction.RESTART, 1),
                new LogStep.Txn(1, TxnAction.ZOMBIE_APPEND, 2),
                new LogStep.Txn(1, TxnAction.ZOMBIE_COMMIT, 1),
                new LogStep.Fetch(0, -1, 10, true));
    }

    private static LogStep produce(int key) {
        return new LogStep.Produce(1, key, false, false);
    }

    private static void add(
            Map<String, Simulations.Simulation> all, String name, String line, LogSetup setup, LogStep... steps) {
        all.put(name, new Simulations.Simulation(name, line, () -> {
            History<LogSetup, LogCapabilities, LogEvent> history =
                    LogChecks.BINDING.run(KafkaLog::new, KafkaLog.CAPABILITIES, new Scenario<>(setup, List.of(steps)));
            return new Simulations.Run(
                    history.events(),
                    Model.fold(history, LogChecks.BINDING.model(history)).primary());
        }));
    }
}
