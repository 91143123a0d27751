package dev.queuelab.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.postgres.OutboxTrials.Trial;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives a crash at every point of the story (OB1 to OB3, judged from outside), and each broken
 * variant is caught at the crash point that breaks its claim.
 */
class OutboxTrialsTest {

    private static Connection connection;
    private static Connection outside;
    private static OutboxTrials trials;

    @BeforeAll
    static void connect() {
        connection = PostgresServer.shared().connect();
        outside = PostgresServer.shared().connect();
        trials = new OutboxTrials(connection, outside);
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
        outside.close();
    }

    @Test
    void theReferenceNeitherLosesNorInventsAMessageWhereverItCrashes() {
        List<Trial> all = trials.all(Outbox.Variant.REFERENCE);
        assertThat(all).as("the clean run and one per crash point").hasSize(15);
        for (Trial t : all) {
            assertThat(t.anomaly()).as("crash %s: %s", t.crash(), t.events()).isEmpty();
        }
        assertThat(all)
                .as("at-least-once shown: a crash between publish and mark publishes again")
                .anySatisfy(t -> {
                    assertThat(t.crash()).contains("before marking it sent");
                    assertThat(t.duplicates()).isPositive();
                });
    }

    @Test
    void markingBeforePublishingIsCaughtLosingAMessage() {
        Trial caught = firstCaught(Outbox.Variant.MARK_BEFORE_PUBLISH);
        assertThat(caught.anomaly().orElseThrow().name()).isEqualTo("message-lost");
        assertThat(caught.crash()).isEqualTo("after the relay's commit");
    }

    @Test
    void writingTheMessageOutsideTheBusinessTransactionIsCaughtPublishingAnUncommittedOrder() {
        Trial caught = firstCaught(Outbox.Variant.MESSAGE_OUTSIDE_TRANSACTION);
        assertThat(caught.anomaly().orElseThrow().name()).isEqualTo("uncommitted-published");
        assertThat(caught.crash()).isEqualTo("after the message, before the order");
    }

    private static Trial firstCaught(Outbox.Variant variant) {
        Optional<Trial> caught = trials.all(variant).stream()
                .filter(t -> t.anomaly().isPresent())
                .findFirst();
        assertThat(caught).as("%s is caught at some crash point", variant).isPresent();
        return caught.get();
    }
}
