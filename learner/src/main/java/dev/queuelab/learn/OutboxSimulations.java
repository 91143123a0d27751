package dev.queuelab.learn;

import dev.queuelab.postgres.Outbox;
import dev.queuelab.postgres.OutboxTrials;
import dev.queuelab.postgres.PostgresServer;
import java.sql.Connection;
import java.util.Map;

/**
 * The named scenarios of {@code queuelab simulate} on the transactional outbox: its crash trial on a real
 * Postgres, started for the run (a few seconds the first time), one crash at a named point.
 */
final class OutboxSimulations {

    private static OutboxTrials trials;

    private OutboxSimulations() {}

    static void addTo(Map<String, Simulations.Simulation> all) {
        add(
                all,
                "outbox-crash",
                "the relay crashes between publishing o1 and marking it sent: restarted, it publishes o1 again"
                        + " (at-least-once), and nothing committed is lost",
                Outbox.Variant.REFERENCE,
                "after publishing o1, before marking it sent");
        add(
                all,
                "outbox-mark-before-publish",
                "a relay that marks the rows sent before publishing crashes between the two: both messages are lost",
                Outbox.Variant.MARK_BEFORE_PUBLISH,
                "after the relay's commit");
    }

    private static void add(
            Map<String, Simulations.Simulation> all, String name, String line, Outbox.Variant variant, String point) {
        all.put(name, new Simulations.Simulation(name, line, () -> {
            OutboxTrials.Trial t = trials().run(variant, point);
            return new Simulations.Run(t.events(), t.anomaly());
        }));
    }

    private static synchronized OutboxTrials trials() {
        if (trials == null) {
            try {
                Connection connection = PostgresServer.shared().connect();
                Connection outside = PostgresServer.shared().connect();
                trials = new OutboxTrials(connection, outside);
            } catch (PostgresServer.Unavailable e) {
                throw new LearnerException(e.getMessage(), Coach.BAD_INPUT);
            }
        }
        return trials;
    }
}
