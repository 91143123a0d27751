package dev.queuelab.learn;

import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.backpressure.BufferChecks;
import dev.queuelab.check.backpressure.BufferEvent;
import dev.queuelab.check.backpressure.BufferFactory;
import dev.queuelab.check.backpressure.BufferPromise;
import dev.queuelab.check.backpressure.BufferStep;
import dev.queuelab.check.backpressure.DiskBufferFactory;
import dev.queuelab.reference.backpressure.BoundedBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The named scenarios of {@code queuelab simulate} on the bounded buffer: its responses to a faster producer. */
final class BufferSimulations {

    private static final BufferStep OFFER = new BufferStep.Offer();
    private static final BufferStep POLL = new BufferStep.Poll();
    private static final BufferStep RESTART = new BufferStep.Restart();

    private BufferSimulations() {}

    static void addTo(Map<String, Simulations.Simulation> all) {
        BufferConfig two = new BufferConfig(2, Duration.ofSeconds(10), 2, 0);
        add(
                all,
                "backpressure-block",
                "capacity 2: the third offer waits until C frees a slot; the fourth waits 10s and times out, still"
                        + " the producer's",
                BoundedBuffer::blocking,
                BufferPromise.BLOCK,
                two,
                OFFER,
                OFFER,
                OFFER,
                POLL,
                OFFER,
                new BufferStep.Tick(10),
                POLL,
                POLL);
        add(
                all,
                "backpressure-drop-oldest",
                "capacity 2: each offer into a full buffer drops the oldest and names it; C gets the newest two in"
                        + " order",
                BoundedBuffer::droppingOldest,
                BufferPromise.DROP,
                two,
                OFFER,
                OFFER,
                OFFER,
                OFFER,
                POLL,
                POLL);
        add(
                all,
                "memory-buffer-crash",
                "buffer in memory: depth grows past the capacity of 2, the alarm is raised, and a crash loses all"
                        + " four",
                BoundedBuffer::inMemory,
                BufferPromise.DISK,
                new BufferConfig(2, Duration.ofSeconds(10), 3, 1),
                OFFER,
                OFFER,
                OFFER,
                OFFER,
                RESTART,
                POLL);
        add(
                all,
                "disk-buffer-restart",
                "buffer to disk: the same four in the durable log survive the crash, and C gets them in order",
                new DiskBufferFactory(),
                BufferPromise.DISK,
                new BufferConfig(2, Duration.ofSeconds(10), 3, 1),
                OFFER,
                OFFER,
                OFFER,
                OFFER,
                RESTART,
                POLL,
                POLL);
    }

    private static void add(
            Map<String, Simulations.Simulation> all,
            String name,
            String line,
            BufferFactory factory,
            BufferPromise promise,
            BufferConfig config,
            BufferStep... steps) {
        all.put(name, new Simulations.Simulation(name, line, () -> {
            History<BufferConfig, BufferPromise, BufferEvent> history =
                    BufferChecks.BINDING.run(factory, promise, new Scenario<>(config, List.of(steps)));
            return new Simulations.Run(
                    history.events(),
                    Model.fold(history, BufferChecks.BINDING.model(history)).primary());
        }));
    }
}
