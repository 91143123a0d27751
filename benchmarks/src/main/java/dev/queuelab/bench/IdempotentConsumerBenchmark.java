package dev.queuelab.bench;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.semantics.Channel;
import dev.queuelab.reference.semantics.Consumer;
import dev.queuelab.reference.semantics.EffectStore;
import dev.queuelab.reference.semantics.MemoryDedupeStore;
import dev.queuelab.reference.semantics.Pipeline;
import dev.queuelab.reference.semantics.Producer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of an idempotent consumer: one message through the pipeline on the reference work queue, consumed
 * plainly (effect, then ack) or idempotently (the dedupe key checked, the effect and the mark, then the ack) with
 * the in-memory dedupe store (TTL 1 h, at most 100,000 keys).
 *
 * <pre>
 *   P ──publish──► network ──► SqsWorkQueue ──receive──► C1 ──[dedupe: seen? mark]──► effect ──► ack
 * </pre>
 *
 * Measures messages per second, one at a time. Baseline: {@code plain}. Goal: {@code idempotent} at least 0.6x of
 * it. The pipeline's world records every effect it causes (EF1), so a pipeline that ran a whole iteration held a
 * million records that each young collection copied again (100 - 160 ms a pause; the plain consumer's forks spent
 * 412 ms of their 3 s in the collector, on 1.43 cores): the benchmark measured the collector copying its own
 * record, more of it for the faster variant. So the
 * pipeline (its queue and its record) is made afresh every {@value #PIPELINE_MESSAGES} messages; the dedupe store
 * is kept across them, full at its 100,000 keys once warm, and its keys never repeat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class IdempotentConsumerBenchmark {

    @Param({"plain", "idempotent"})
    public String consumer;

    /** Messages one pipeline carries before the next is made: a bounded record of effects. */
    static final int PIPELINE_MESSAGES = 1 << 16;

    private SimClock clock;
    private Optional<MemoryDedupeStore> dedupe;
    private Pipeline pipeline;
    private long next;

    @Setup(Level.Iteration)
    public void setUp() {
        clock = new SimClock();
        dedupe = consumer.equals("idempotent")
                ? Optional.of(new MemoryDedupeStore(Duration.ofHours(1), 100_000, clock))
                : Optional.empty();
        pipeline = newPipeline();
    }

    private Pipeline newPipeline() {
        return Pipeline.onWorkQueue(
                WorkQueueConfig.standardQueue(),
                clock,
                new EffectStore(clock),
                Producer.Mode.RETRY_UNTIL_ACKED,
                dedupe.isPresent() ? Consumer.Mode.IDEMPOTENT : Consumer.Mode.ACK_AFTER_EFFECT,
                dedupe);
    }

    @Benchmark
    public String message() {
        if ((next & (PIPELINE_MESSAGES - 1)) == PIPELINE_MESSAGES - 1) {
            pipeline = newPipeline();
        }
        pipeline.publish("k" + next++);
        pipeline.transmit(Channel.Fault.NONE);
        String got = pipeline.receive("C1");
        while (pipeline.nextStage("C1").isPresent()) {
            got = pipeline.advance("C1");
        }
        return got;
    }
}
