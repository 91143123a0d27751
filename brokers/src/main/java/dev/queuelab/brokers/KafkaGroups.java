package dev.queuelab.brokers;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.LogConfig;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.internals.AbstractPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.Utils;

/**
 * A consumer group's membership over Kafka's classic protocol, each member of the contract a consumer of its own
 * (a connection to the group's coordinator and the member id Kafka gave it), sending JoinGroup, SyncGroup,
 * Heartbeat and LeaveGroup as Kafka's consumer does, the leader sharing the partitions with the consumer's own
 * {@link RangeAssignor} or {@link RoundRobinAssignor}.
 *
 * <p>The contract rebalances inside the call that changes the membership; Kafka's rebalance is a join phase that
 * waits until every member has rejoined (KafkaGroupsBrokerTest shows it). So a call that changes the membership
 * completes the phase before it returns: every live member rejoins at once, as each consumer would at its next
 * poll. And the contract's session is the time a member may go without a join or an accepted heartbeat, which
 * is what a poll is here: once it has passed, the member leaves the group, as Kafka's consumer leaves when
 * {@code max.poll.interval.ms} passes without a poll. Kafka's own session timeout, the heartbeat thread's, is set
 * long, so that it never ends a member before the contract's does.
 *
 * <p>Invariants:
 *   KG1 a call that changes the membership returns after the rebalance: every live member rejoined and synced
 *   KG2 a member whose session has run out by a call leaves the group (LeaveGroup) before the call is made
 *   KG3 a heartbeat's answer is Kafka's, for the member's Kafka id and the generation the caller presents
 *   KG4 the leader shares the partitions with Kafka's own assignor, the members ordered by their ids in the
 *       contract, as Kafka's assignors order static members by {@code group.instance.id}
 *   KG5 a description's members and shares are DescribeGroups' answer; its generation is the last JoinGroup's,
 *       or one more once the last member has left (the coordinator ends an emptied group's generation at once,
 *       and DescribeGroups carries no generation: the next JoinGroup's answer shows it)
 *   KG6 a log's group is a Kafka group of its own, named after the log's topic: no other log's members share it.
 *
 * <p>Thread-safety: one caller at a time; a rebalance sends each member's requests from a thread of its own, each
 * on the member's connection. Real world: the membership half of Kafka's ConsumerCoordinator.
 */
final class KafkaGroups implements AutoCloseable {

    private static final class Group {
        final Map<String, KafkaMember> live = new TreeMap<>(); // by contract id
        final Map<String, String> kafkaIds = new HashMap<>(); // contract id -> the last Kafka id it had
        final Map<String, String> ids = new HashMap<>(); // Kafka id -> contract id
        int generation;
    }

    private final KafkaNodes nodes;
    private final String topic;
    private final LogConfig config;
    private final InstantSource clock;
    private final byte[] subscription;
    private final Map<String, Group> groups = new HashMap<>();
    private final ExecutorService members = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "queuelab-kafka-member");
        t.setDaemon(true);
        return t;
    });

    KafkaGroups(KafkaNodes nodes, String topic, LogConfig config, InstantSource clock) {
        this.nodes = nodes;
        this.topic = topic;
        this.config = config;
        this.clock = clock;
        this.subscription = KafkaMember.subscription(topic);
    }

    /** The Kafka group id of a log's group: its topic's name and the group's (KG6). */
    static String groupId(String topic, String group) {
        return topic + "." + group;
    }

    Assignment join(String name, String memberId) {
        String group = groupId(topic, name);
        Group g = expire(group);
        KafkaMember m = g.live.get(memberId);
        if (m != null) { // a live member of this generation: it keeps its share, and Kafka must agree it is one
            Errors e = m.heartbeat(group, g.generation);
            if (e != Errors.NONE) {
                throw KafkaExactlyOnce.refused("Heartbeat of a live member", e);
            }
            m.lastAccepted = clock.instant();
            return new Assignment(name, memberId, g.generation, m.share);
        }
        KafkaMember joining = new KafkaMember(memberId, connect(group), clock.instant());
        JoinGroupResponseData first = KafkaWire.retrying(
                () -> joining.join(group, protocol(), subscription), r -> Errors.forCode(r.errorCode()));
        if (Errors.forCode(first.errorCode()) != Errors.MEMBER_ID_REQUIRED) { // JoinGroup v4 on: Kafka names members
            throw KafkaExactlyOnce.refused("JoinGroup of a new member", Errors.forCode(first.errorCode()));
        }
        joining.kafkaId = first.memberId();
        g.kafkaIds.put(memberId, joining.kafkaId);
        g.ids.put(joining.kafkaId, memberId);
        rebalance(group, g, joining);
        return new Assignment(name, memberId, g.generation, joining.share);
    }

    void leave(String name, String memberId) {
        String group = groupId(topic, name);
        Group g = expire(group);
        KafkaMember m = g.live.get(memberId);
        if (m != null) { // leaving twice does nothing
            leave(group, g, List.of(m));
            rebalance(group, g, null);
        }
    }

    HeartbeatOutcome heartbeat(String name, String memberId, int generation) {
        String group = groupId(topic, name);
        Group g = expire(group);
        KafkaMember m = g.live.get(memberId);
        Errors e = m != null
                ? m.heartbeat(group, generation)
                : KafkaMember.heartbeat(nodes.groupCoordinator(group), group, kafkaId(g, memberId), generation);
        return switch (e) {
            case NONE -> {
                if (m == null) {
                    throw new IllegalStateException("Kafka accepted a heartbeat of " + memberId + ", which left");
                }
                m.lastAccepted = clock.instant();
                yield HeartbeatOutcome.OK;
            }
            case ILLEGAL_GENERATION -> HeartbeatOutcome.ILLEGAL_GENERATION;
            case UNKNOWN_MEMBER_ID, GROUP_ID_NOT_FOUND -> HeartbeatOutcome.UNKNOWN_MEMBER_ID; // KG3
            default -> throw KafkaExactlyOnce.refused("Heartbeat", e);
        };
    }

    /** The member id a commit of {@code memberId} carries: its Kafka id, the last one it had, or the id itself. */
    String commitId(String name, String memberId) {
        return kafkaId(expire(groupId(topic, name)), memberId);
    }

    Optional<Assignment> assignment(String name, String memberId) {
        Group g = expire(groupId(topic, name));
        KafkaMember m = g.live.get(memberId);
        return m == null ? Optional.empty() : Optional.of(new Assignment(name, memberId, g.generation, m.share));
    }

    GroupDescription describe(String name) {
        String group = groupId(topic, name);
        Group g = expire(group);
        var d = KafkaMember.describe(nodes, group);
        Map<String, List<Integer>> shares = new TreeMap<>();
        for (var member : d.members()) {
            String id = g.ids.get(member.memberId());
            if (id == null || !d.groupState().equals("Stable")) { // KG1: no rebalance is left half done
                throw new IllegalStateException("Kafka describes group " + group + " as " + d.groupState()
                        + " with member " + member.memberId() + (id == null ? ", which this log never made" : ""));
            }
            shares.put(id, KafkaMember.partitions(member.memberAssignment()));
        }
        return new GroupDescription(name, g.generation, shares); // KG5
    }

    /** KG2: every member whose session has run out leaves, in one LeaveGroup, and the others rebalance. */
    private Group expire(String group) {
        Group g = groups.computeIfAbsent(group, k -> new Group());
        Instant now = clock.instant();
        List<KafkaMember> gone = g.live.values().stream()
                .filter(m -> !now.isBefore(m.lastAccepted.plus(config.sessionTimeout())))
                .toList();
        if (!gone.isEmpty()) {
            leave(group, g, gone);
            rebalance(group, g, null);
        }
        return g;
    }

    private void leave(String group, Group g, List<KafkaMember> leaving) {
        KafkaMember.leave(nodes.groupCoordinator(group), group, leaving);
        leaving.forEach(m -> g.live.remove(m.id));
    }

    private static String kafkaId(Group g, String memberId) {
        return g.kafkaIds.getOrDefault(memberId, memberId);
    }

    /** KG1: the joiner's JoinGroup (or a LeaveGroup) began it; every live member rejoins; the leader shares; all sync. */
    private void rebalance(String group, Group g, KafkaMember joiner) {
        List<KafkaMember> rejoining = new ArrayList<>(g.live.values());
        Map<KafkaMember, Future<JoinGroupResponseData>> joins = new LinkedHashMap<>();
        if (joiner != null) {
            joins.put(joiner, members.submit(() -> joiner.join(group, protocol(), subscription)));
            g.live.put(joiner.id, joiner);
        }
        if (rejoining.isEmpty() && joiner == null) {
            g.generation++; // KG5: the last member left; Kafka completes the emptied group's rebalance at once
            return;
        }
        if (!rejoining.isEmpty()) {
            KafkaMember first = rejoining.get(0);
            long deadline = System.nanoTime() + KafkaWire.RETRY_FOR.toNanos();
            while (first.heartbeat(group, g.generation) == Errors.NONE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka began no rebalance of " + group);
                }
                KafkaWire.backoff(); // the joiner's JoinGroup has not reached the coordinator yet
            }
        }
        rejoining.forEach(m -> joins.put(m, members.submit(() -> m.join(group, protocol(), subscription))));
        Map<String, byte[]> shares = new TreeMap<>();
        int generation = -1;
        for (Map.Entry<KafkaMember, Future<JoinGroupResponseData>> j : joins.entrySet()) {
            JoinGroupResponseData r = await(j.getValue(), "JoinGroup");
            if (r.errorCode() != Errors.NONE.code()) {
                throw KafkaExactlyOnce.refused("JoinGroup of " + j.getKey().id, Errors.forCode(r.errorCode()));
            }
            generation = r.generationId();
            if (r.leader().equals(r.memberId())) {
                shares.putAll(assign(g, r));
            }
        }
        int agreed = generation;
        Map<KafkaMember, Future<List<Integer>>> syncs = new LinkedHashMap<>();
        joins.keySet().forEach(m -> syncs.put(m, members.submit(() -> m.sync(group, agreed, protocol(), shares))));
        syncs.forEach((m, share) -> m.share = await(share, "SyncGroup"));
        g.generation = generation;
    }

    /** KG4: the leader's work, Kafka's consumer-side assignor over the members named by their contract ids. */
    private Map<String, byte[]> assign(Group g, JoinGroupResponseData leader) {
        Map<String, ConsumerPartitionAssignor.Subscription> subscriptions = new TreeMap<>();
        leader.members()
                .forEach(m -> subscriptions.put(
                        g.ids.get(m.memberId()),
                        ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(m.metadata()))));
        AbstractPartitionAssignor assignor = switch (config.assignor()) {
            case RANGE -> new RangeAssignor();
            case ROUND_ROBIN -> new RoundRobinAssignor();
            default ->
                throw new UnsupportedOperationException(
                        "the Kafka adapter shares partitions by range or round-robin, not " + config.assignor());
        };
        Map<String, byte[]> out = new TreeMap<>();
        assignor.assign(Map.of(topic, config.partitions()), subscriptions)
                .forEach((id, tps) -> out.put(
                        g.kafkaIds.get(id),
                        Utils.toArray(
                                ConsumerProtocol.serializeAssignment(new ConsumerPartitionAssignor.Assignment(tps)))));
        return out;
    }

    private KafkaWire connect(String group) {
        String address = nodes.groupCoordinator(group).address();
        int colon = address.lastIndexOf(':');
        return KafkaWire.connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private String protocol() {
        return config.assignor() == Assignor.RANGE ? "range" : "roundrobin";
    }

    private static <T> T await(Future<T> f, String what) {
        try {
            return f.get(KafkaMember.REBALANCE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka answered " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not answer " + what + " in " + KafkaMember.REBALANCE_MS + " ms", e);
        }
    }

    /** Every live member leaves, so that nothing of this log's groups outlives it. */
    @Override
    public void close() {
        groups.forEach((group, g) -> {
            if (!g.live.isEmpty()) {
                try {
                    leave(group, g, new ArrayList<>(g.live.values()));
                } catch (RuntimeException e) {
                    g.live.values().forEach(m -> m.wire.close()); // the broker is going: its groups go with it
                }
            }
        });
        members.shutdownNow();
    }
}
