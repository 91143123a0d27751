package dev.queuelab.guide;

import java.util.List;
import java.util.Map;

/** The topologies as options of an ADR: what each is, its pros and cons, and which others to weigh it against. */
final class Options {

    /** Texts may name the product's lease, lane and reader ({lease}, {lane}, {lanes}, {reader}): see {@link #in}. */
    record Option(Topology topology, String name, String summary, List<String> pros, List<String> cons) {

        /** The option in a vocabulary's words: the chosen product's, or {@link #GENERIC} for the options weighed. */
        Option in(Vocabulary v) {
            return new Option(
                    topology,
                    v.words(name),
                    v.words(summary),
                    pros.stream().map(v::words).toList(),
                    cons.stream().map(v::words).toList());
        }
    }

    /** Words for an option no product is chosen for: the guide's own terms. */
    static final Vocabulary GENERIC =
            new Vocabulary("lease", "deliveries", "dead letter", "lane", "age", List.of(), "lane", "reader", "");

    static final Map<Topology, Option> ALL = Map.of(
            Topology.NONE,
                    new Option(
                            Topology.NONE,
                            "No queue: a direct call",
                            "The caller invokes the service and waits for the result.",
                            List.of(
                                    "the caller sees the result and the failure at once",
                                    "nothing new to run or monitor"),
                            List.of(
                                    "the callee's outage or slowness is the caller's",
                                    "bursts reach the callee unbuffered")),
            Topology.IN_APP_JOB_QUEUE,
                    new Option(
                            Topology.IN_APP_JOB_QUEUE,
                            "In-app job queue (a jobs table)",
                            "Jobs are rows in the application's own database; workers claim and delete them.",
                            List.of(
                                    "no new infrastructure: the database already runs and is backed up",
                                    "enqueueing can share the transaction that creates the work"),
                            List.of(
                                    "polling load on the database grows with workers",
                                    "no fan-out, no replay, modest throughput")),
            Topology.WORK_QUEUE,
                    new Option(
                            Topology.WORK_QUEUE,
                            "Work queue (point-to-point)",
                            "Competing consumers take messages; a message stays until acked and reappears after its {lease}.",
                            List.of(
                                    "absorbs bursts and consumer outages",
                                    "scales by adding consumers",
                                    "failed messages are retried, then dead-lettered"),
                            List.of("at-least-once: consumers must be idempotent", "no order", "no replay once acked")),
            Topology.FIFO_WORK_QUEUE,
                    new Option(
                            Topology.FIFO_WORK_QUEUE,
                            "FIFO work queue ({lanes})",
                            "A work queue that delivers each {lane}'s messages in send order, one in flight per {lane}.",
                            List.of(
                                    "per-key order with parallelism across keys",
                                    "a deduplication window for producer retries"),
                            List.of(
                                    "one slow or poison message holds back its whole {lane}",
                                    "lower throughput limits than standard queues")),
            Topology.PUB_SUB_FANOUT,
                    new Option(
                            Topology.PUB_SUB_FANOUT,
                            "Durable pub/sub fan-out (a topic, a queue per subscriber)",
                            "A topic copies each event into one durable queue per subscriber.",
                            List.of(
                                    "subscribers are independent: one slow or offline subscriber loses nothing and delays no one",
                                    "adding a subscriber touches no producer"),
                            List.of(
                                    "a new subscriber sees only events published after it subscribed",
                                    "one queue to watch per subscriber")),
            Topology.EPHEMERAL_PUB_SUB,
                    new Option(
                            Topology.EPHEMERAL_PUB_SUB,
                            "Ephemeral pub/sub",
                            "Events go to the subscribers connected at that moment; nothing is stored.",
                            List.of("lowest latency and cost", "nothing to clean up"),
                            List.of(
                                    "at-most-once: offline or slow subscribers miss messages",
                                    "no retries, no dead letters, no replay")),
            Topology.PARTITIONED_LOG,
                    new Option(
                            Topology.PARTITIONED_LOG,
                            "Partitioned log",
                            "An append-only log split into key-hashed partitions; each {reader} keeps its own position.",
                            List.of(
                                    "replay from any retained offset",
                                    "per-key order by partition",
                                    "many independent {reader}s"),
                            List.of(
                                    "the most moving parts: partitions to size, rebalances to ride out, and brokers where you run them",
                                    "parallelism is capped by the partition count",
                                    "no per-message retry or dead letter: the consumer builds them")));

    private static final Map<Topology, List<Topology>> WEIGHED_AGAINST = Map.of(
            Topology.NONE, List.of(Topology.WORK_QUEUE),
            Topology.IN_APP_JOB_QUEUE, List.of(Topology.WORK_QUEUE, Topology.NONE),
            Topology.WORK_QUEUE, List.of(Topology.IN_APP_JOB_QUEUE, Topology.PARTITIONED_LOG),
            Topology.FIFO_WORK_QUEUE, List.of(Topology.PARTITIONED_LOG, Topology.WORK_QUEUE),
            Topology.PUB_SUB_FANOUT, List.of(Topology.PARTITIONED_LOG, Topology.EPHEMERAL_PUB_SUB),
            Topology.EPHEMERAL_PUB_SUB, List.of(Topology.PUB_SUB_FANOUT),
            Topology.PARTITIONED_LOG, List.of(Topology.PUB_SUB_FANOUT, Topology.WORK_QUEUE));

    private Options() {}

    /**
     * An option's pros under a global order: one lane, so the per-key parallelism the option offers elsewhere is
     * not there to claim.
     */
    static List<String> globalOrder(List<String> pros, Vocabulary v) {
        return pros.stream()
                .map(x -> x.startsWith("per-key order")
                        ? v.words("one order for every message (a single {lane}), at one consumer's pace")
                        : x)
                .toList();
    }

    static List<Option> consideredFor(Topology topology) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(topology), WEIGHED_AGAINST.get(topology).stream())
                .map(ALL::get)
                .toList();
    }
}
