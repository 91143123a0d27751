package dev.queuelab.brokers;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeGroupsRequest;
import org.apache.kafka.common.requests.DescribeGroupsResponse;
import org.apache.kafka.common.requests.HeartbeatRequest;
import org.apache.kafka.common.requests.HeartbeatResponse;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.JoinGroupResponse;
import org.apache.kafka.common.requests.LeaveGroupRequest;
import org.apache.kafka.common.requests.LeaveGroupResponse;
import org.apache.kafka.common.requests.SyncGroupRequest;
import org.apache.kafka.common.requests.SyncGroupResponse;
import org.apache.kafka.common.utils.Utils;

/**
 * One member of a classic consumer group, as {@link KafkaGroups} drives it: its own connection to the group's
 * coordinator (a JoinGroup or SyncGroup waits there for the others, so members cannot share one), the member id
 * Kafka gave it, when the contract last saw it alive, and the share it synced; and the group requests of Kafka's
 * consumer at the versions the adapter speaks.
 *
 * <p>Invariants:
 *   KM1 a member's requests go on its own connection, one at a time
 *   KM2 a share is what SyncGroup answered, its partitions in order; an empty answer is no partition.
 *
 * <p>Thread-safety: one thread at a time per member (a rebalance gives each member a thread). Real world: the
 * group requests of Kafka's ConsumerCoordinator, one consumer per member.
 */
final class KafkaMember {

    static final int JOIN_VERSION = 7;
    static final int SYNC_VERSION = 5;
    static final int HEARTBEAT_VERSION = 4;
    static final int LEAVE_VERSION = 4;
    static final int DESCRIBE_VERSION = 5;
    static final String PROTOCOL_TYPE = "consumer";
    /** Kafka's own session timeout: long, so that the contract's (KG2) is the one that ends a member. */
    static final int KAFKA_SESSION_MS = 300_000;
    /** How long Kafka waits for a member to rejoin: never reached, since every live member rejoins at once. */
    static final int REBALANCE_MS = 30_000;

    final String id;
    final KafkaWire wire;
    String kafkaId = "";
    Instant lastAccepted;
    List<Integer> share = List.of();

    KafkaMember(String id, KafkaWire wire, Instant now) {
        this.id = id;
        this.wire = wire;
        this.lastAccepted = now;
    }

    /** JoinGroup with this member's Kafka id ("" for a new one), subscribed to {@code subscription}. */
    JoinGroupResponseData join(String group, String protocol, byte[] subscription) {
        JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
                new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol()
                .setName(protocol)
                .setMetadata(subscription));
        JoinGroupResponse r = wire.send(
                new JoinGroupRequest.Builder(new JoinGroupRequestData()
                        .setGroupId(group)
                        .setSessionTimeoutMs(KAFKA_SESSION_MS)
                        .setRebalanceTimeoutMs(REBALANCE_MS)
                        .setMemberId(kafkaId)
                        .setProtocolType(PROTOCOL_TYPE)
                        .setProtocols(protocols)),
                JOIN_VERSION);
        return r.data();
    }

    /** SyncGroup: the leader hands out {@code shares} (by Kafka id), the others send none; answers the share (KM2). */
    List<Integer> sync(String group, int generation, String protocol, Map<String, byte[]> shares) {
        List<SyncGroupRequestData.SyncGroupRequestAssignment> given = new ArrayList<>();
        shares.forEach((member, bytes) -> given.add(new SyncGroupRequestData.SyncGroupRequestAssignment()
                .setMemberId(member)
                .setAssignment(bytes)));
        SyncGroupResponse r = wire.send(
                new SyncGroupRequest.Builder(new SyncGroupRequestData()
                        .setGroupId(group)
                        .setGenerationId(generation)
                        .setMemberId(kafkaId)
                        .setProtocolType(PROTOCOL_TYPE)
                        .setProtocolName(protocol)
                        .setAssignments(given)),
                SYNC_VERSION);
        if (r.error() != Errors.NONE) {
            throw KafkaExactlyOnce.refused("SyncGroup of " + id, r.error());
        }
        return partitions(r.data().assignment());
    }

    Errors heartbeat(String group, int generation) {
        return heartbeat(wire, group, kafkaId, generation);
    }

    /** A Heartbeat on any connection: for a member that left, or one the group never had. */
    static Errors heartbeat(KafkaWire wire, String group, String kafkaId, int generation) {
        HeartbeatResponse r = wire.send(
                new HeartbeatRequest.Builder(new HeartbeatRequestData()
                        .setGroupId(group)
                        .setGenerationId(generation)
                        .setMemberId(kafkaId)),
                HEARTBEAT_VERSION);
        return r.error();
    }

    /** One LeaveGroup for all of {@code leaving}; their connections are closed. */
    static void leave(KafkaWire coordinator, String group, List<KafkaMember> leaving) {
        List<LeaveGroupRequestData.MemberIdentity> who = new ArrayList<>();
        leaving.forEach(m -> who.add(new LeaveGroupRequestData.MemberIdentity().setMemberId(m.kafkaId)));
        LeaveGroupResponse r = coordinator.send(new LeaveGroupRequest.Builder(group, who), LEAVE_VERSION);
        if (r.error() != Errors.NONE) {
            throw KafkaExactlyOnce.refused("LeaveGroup", r.error());
        }
        leaving.forEach(m -> m.wire.close());
    }

    /** DescribeGroups of one group: its state and members (none for a group Kafka does not have). */
    static DescribeGroupsResponseData.DescribedGroup describe(KafkaNodes nodes, String group) {
        DescribeGroupsResponse r = KafkaWire.retrying(
                () -> nodes.groupCoordinator(group)
                        .<DescribeGroupsResponse>send(
                                new DescribeGroupsRequest.Builder(
                                        new DescribeGroupsRequestData().setGroups(List.of(group))),
                                DESCRIBE_VERSION),
                x -> Errors.forCode(x.data().groups().get(0).errorCode()));
        DescribeGroupsResponseData.DescribedGroup d = r.data().groups().get(0);
        Errors e = Errors.forCode(d.errorCode());
        if (e != Errors.NONE && e != Errors.GROUP_ID_NOT_FOUND) {
            throw KafkaExactlyOnce.refused("DescribeGroups", e);
        }
        return d;
    }

    /** The partitions of a consumer-protocol assignment, in order (KM2). */
    static List<Integer> partitions(byte[] assignment) {
        if (assignment.length == 0) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(assignment))
                .partitions()
                .forEach(tp -> out.add(tp.partition()));
        out.sort(null);
        return List.copyOf(out);
    }

    /** A consumer-protocol subscription to one topic, as a member's JoinGroup carries it. */
    static byte[] subscription(String topic) {
        return Utils.toArray(
                ConsumerProtocol.serializeSubscription(new ConsumerPartitionAssignor.Subscription(List.of(topic))));
    }
}
