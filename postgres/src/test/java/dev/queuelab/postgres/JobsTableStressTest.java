package dev.queuelab.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Competing consumers on real threads, each with its own connection, as separate processes would be: with
 * SKIP LOCKED no job is handed to two of them; without the row lock, two read the same row and both deliver it.
 * Judged from outside: the deliveries each consumer reports, counted per job.
 */
class JobsTableStressTest {

    private static final int JOBS = 400;
    private static final int CONSUMERS = 4;
    private static final AtomicInteger QUEUES = new AtomicInteger();

    @Test
    void skipLockedHandsEachJobToOneConsumer() throws Exception {
        Map<String, Integer> delivered = run(JobRows.TAKE);
        assertThat(delivered).hasSize(JOBS);
        assertThat(delivered.values())
                .as("a job delivered twice while its lease held")
                .containsOnly(1);
    }

    @Test
    void withoutTheRowLockTwoConsumersTakeTheSameJob() throws Exception {
        String unlocked = JobRows.TAKE.replace(" FOR UPDATE SKIP LOCKED", "");
        assertThat(unlocked).isNotEqualTo(JobRows.TAKE);
        boolean caught = false;
        for (int round = 0; round < 5 && !caught; round++) { // real threads: the race is likely, not certain
            caught = run(unlocked).values().stream().anyMatch(n -> n > 1);
        }
        assertThat(caught)
                .as("a receive without FOR UPDATE SKIP LOCKED delivers some job twice")
                .isTrue();
    }

    private static Map<String, Integer> run(String take) throws Exception {
        String queue = "stress-" + QUEUES.incrementAndGet();
        WorkQueueConfig config = WorkQueueConfig.standardQueue().withVisibilityTimeout(Duration.ofHours(1));
        InstantSource clock = InstantSource.system(); // real threads: real time (every lease outlasts the test)
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i <= CONSUMERS; i++) {
                Connection c = PostgresServer.shared().connect();
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off"); // speed only: the server does not crash here
                }
                connections.add(c);
            }
            JobsTable producer = new JobsTable(connections.get(0), queue, config, clock, take);
            for (int i = 0; i < JOBS; i++) {
                producer.send(Message.of("job-" + i, "payload " + i));
            }
            Map<String, Integer> delivered = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= CONSUMERS; i++) {
                JobsTable consumer = new JobsTable(connections.get(i), queue, config, clock, take);
                String name = "C" + i;
                done.add(pool.submit(() -> {
                    for (List<Delivery> got = consumer.receive(name, 5);
                            !got.isEmpty();
                            got = consumer.receive(name, 5)) {
                        got.forEach(d -> delivered.merge(d.messageId(), 1, Integer::sum));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            return delivered;
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
