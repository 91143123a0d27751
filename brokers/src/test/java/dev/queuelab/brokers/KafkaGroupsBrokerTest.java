package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.KafkaLog;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.HeartbeatRequest;
import org.apache.kafka.common.requests.HeartbeatResponse;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.JoinGroupResponse;
import org.apache.kafka.common.requests.LeaveGroupRequest;
import org.apache.kafka.common.requests.LeaveGroupResponse;
import org.apache.kafka.common.requests.SyncGroupRequest;
import org.apache.kafka.common.requests.SyncGroupResponse;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's consumer group (L8, L9) beside Kafka's classic group protocol, each member a connection of its
 * own speaking JoinGroup, SyncGroup, Heartbeat and LeaveGroup as Kafka's consumer does, the leader sharing the
 * partitions with the consumer's own {@link RangeAssignor} and {@link RoundRobinAssignor}. The same joins and
 * leaves go to the reference: the shares, the generations and the answers to fenced commits and heartbeats agree.
 * Where the reference collapses the protocol, Kafka shows the phase it collapses: a join completes only once
 * every member has rejoined, and until then a member's heartbeat answers REBALANCE_IN_PROGRESS where the
 * reference, its rebalance already done, answers ILLEGAL_GENERATION. This is why the harness runs no group
 * property against Kafka (docs/real-brokers.md).
 */
class KafkaGroupsBrokerTest {

    private static final int PARTITIONS = 7;
    private static final int SESSION_MS = 2_000;
    private static final int REBALANCE_MS = 30_000;
    private static final String PROTOCOL_TYPE = "consumer";

    private static KafkaBroker kafka;
    private static KafkaLogFactory factory;
    private static ExecutorService members;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start();
        factory = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES);
        members = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        members.shutdownNow();
        factory.close();
        kafka.close();
    }

    @Test
    void shouldShareThePartitionsAsKafkasOwnAssignorsDoGenerationByGeneration() throws Exception {
        for (Assignor assignor : List.of(Assignor.RANGE, Assignor.ROUND_ROBIN)) {
            Group kafkaGroup = new Group(assignor);
            KafkaLog reference = new KafkaLog(config(assignor), new SimClock());
            for (int n = 1; n <= 4; n++) {
                Member joining = kafkaGroup.join(); // every member rejoins, as a consumer's poll does
                Assignment expected = reference.join(kafkaGroup.name, joining.id);
                assertThat(joining.generation)
                        .as("%s: a new member starts generation %d in both", assignor, n)
                        .isEqualTo(expected.generation())
                        .isEqualTo(n);
                assertSharesAsTheReferences(kafkaGroup, reference, assignor + ", " + n + " members");
            }
            kafkaGroup.close();
        }
    }

    @Test
    void shouldFenceTheCommitsAndHeartbeatsOfAnOldGenerationAndOfAMemberThatLeft() throws Exception {
        Group kafkaGroup = new Group(Assignor.RANGE);
        PartitionedLog log = kafkaGroup.log;
        KafkaLog reference = new KafkaLog(config(Assignor.RANGE), new SimClock());
        for (int i = 0; i < 5; i++) {
            log.append(0, new ProducerRecord("k", "v" + i, Map.of()));
        }
        Member a = kafkaGroup.join();
        Member b = kafkaGroup.join();
        int old = a.generation;
        reference.join(kafkaGroup.name, a.id);
        reference.join(kafkaGroup.name, b.id);

        Member c = kafkaGroup.join(); // a and b rejoin with c: the generation a held is over
        reference.join(kafkaGroup.name, c.id);
        assertThat(log.commit(kafkaGroup.name, a.id, old, 0, 3))
                .as("Kafka fences a commit of the old generation")
                .isEqualTo(reference.commit(kafkaGroup.name, a.id, old, 0, 3))
                .isEqualTo(CommitOutcome.ILLEGAL_GENERATION);
        assertThat(log.committed(kafkaGroup.name, 0)).as("nothing stored").isEmpty();
        assertThat(kafkaGroup.heartbeat(a, old)).isEqualTo(Errors.ILLEGAL_GENERATION);
        assertThat(reference.heartbeat(kafkaGroup.name, a.id, old)).isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);
        assertThat(log.commit(kafkaGroup.name, a.id, a.generation, 0, 3)).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(log.committed(kafkaGroup.name, 0)).hasValue(3);

        kafkaGroup.leave(c); // LeaveGroup, then a and b rejoin
        reference.leave(kafkaGroup.name, c.id);
        assertThat(log.commit(kafkaGroup.name, c.id, c.generation, 0, 4))
                .as("Kafka refuses a member that left")
                .isEqualTo(reference.commit(kafkaGroup.name, c.id, c.generation, 0, 4))
                .isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);
        assertThat(kafkaGroup.heartbeat(c, c.generation)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(reference.heartbeat(kafkaGroup.name, c.id, c.generation))
                .isEqualTo(HeartbeatOutcome.UNKNOWN_MEMBER_ID);
        assertThat(a.generation)
                .isEqualTo(reference.describeGroup(kafkaGroup.name).generation());
        assertThat(log.committed(kafkaGroup.name, 0))
                .as("still the live member's commit")
                .hasValue(3);
        kafkaGroup.close();
    }

    @Test
    void shouldHoldANewMembersJoinUntilEveryMemberHasRejoinedWhereTheReferenceCompletesItAtOnce() throws Exception {
        Group kafkaGroup = new Group(Assignor.RANGE);
        KafkaLog reference = new KafkaLog(config(Assignor.RANGE), new SimClock());
        Member a = kafkaGroup.join();
        Member b = kafkaGroup.join();
        reference.join(kafkaGroup.name, a.id);
        reference.join(kafkaGroup.name, b.id);
        int before = b.generation;

        Member c = kafkaGroup.newMember();
        CompletableFuture<JoinGroupResponseData> held = kafkaGroup.joinAsync(c);
        Thread.sleep(1_000); // Kafka waits for a and b to rejoin (rebalance timeout 30 s)
        assertThat(held)
                .as("Kafka holds c's JoinGroup while a and b have not rejoined")
                .isNotDone();
        reference.join(kafkaGroup.name, c.id);
        assertThat(kafkaGroup.heartbeat(b, before))
                .as("Kafka: the rebalance is under way")
                .isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertThat(reference.heartbeat(kafkaGroup.name, b.id, before))
                .as("the reference: the rebalance is done, b's generation is over")
                .isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);

        kafkaGroup.complete(List.of(a, b), c, held);
        assertThat(c.generation)
                .as("the join completes once both rejoined, one generation on, as in the reference")
                .isEqualTo(before + 1)
                .isEqualTo(reference.describeGroup(kafkaGroup.name).generation());
        assertSharesAsTheReferences(kafkaGroup, reference, "after the held join");
        kafkaGroup.close();
    }

    @Test
    void shouldRemoveAMemberWhoseSessionExpiredAndShareItsPartitionsOut() throws Exception {
        Group kafkaGroup = new Group(Assignor.RANGE);
        SimClock clock = new SimClock();
        KafkaLog reference = new KafkaLog(config(Assignor.RANGE), clock);
        Member a = kafkaGroup.join();
        Member b = kafkaGroup.join();
        reference.join(kafkaGroup.name, a.id);
        reference.join(kafkaGroup.name, b.id);
        int before = b.generation;

        Errors beat = Errors.NONE; // a falls silent; b heartbeats every 200 ms until Kafka removes a
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SESSION_MS * 5L);
        while (beat == Errors.NONE && System.nanoTime() < deadline) {
            Thread.sleep(200);
            beat = kafkaGroup.heartbeat(b, before);
        }
        assertThat(beat).as("a's session expired: a rebalance began").isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        clock.advance(Duration.ofMillis(SESSION_MS / 2));
        assertThat(reference.heartbeat(kafkaGroup.name, b.id, before)).isEqualTo(HeartbeatOutcome.OK);
        clock.advance(Duration.ofMillis(SESSION_MS / 2 + 1)); // past a's session, within b's
        assertThat(reference.heartbeat(kafkaGroup.name, b.id, before))
                .as("the reference expires a at once")
                .isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);

        kafkaGroup.members.remove(a);
        kafkaGroup.complete(List.of(b), null, null);
        Assignment alone = reference.join(kafkaGroup.name, b.id);
        assertThat(b.share).isEqualTo(alone.partitions()).hasSize(PARTITIONS);
        assertThat(b.generation).isEqualTo(alone.generation()).isEqualTo(before + 1);
        assertThat(kafkaGroup.heartbeat(a, a.generation)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
        assertThat(reference.heartbeat(kafkaGroup.name, a.id, a.generation))
                .isEqualTo(HeartbeatOutcome.UNKNOWN_MEMBER_ID);
        kafkaGroup.close();
    }

    @Test
    void shouldLeaveKafkasGroupAsTheContractsCallsSayWhenTheAdapterIsTheMembers() throws Exception {
        PartitionedLog log = factory.create(config(Assignor.RANGE), InstantSource.system());
        String group = KafkaGroups.groupId(topicOf(log), "g1");
        Assignment a = log.join("g1", "A");
        Assignment b = log.join("g1", "B");
        assertThat(b.generation()).as("B's join rebalanced the group").isEqualTo(a.generation() + 1);
        assertThat(kafkaShares(group))
                .as("Kafka's own description: both members, each with the share the adapter answered (KG1, KG5)")
                .containsExactlyInAnyOrder(
                        log.assignment("g1", "A").orElseThrow().partitions(), b.partitions());
        assertThat(log.heartbeat("g1", "A", a.generation())).isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);
        assertThat(log.join("g1", "A").generation())
                .as("A rejoins into B's generation")
                .isEqualTo(b.generation());

        Thread.sleep(SESSION_MS / 2 + 200);
        assertThat(log.heartbeat("g1", "B", b.generation())).isEqualTo(HeartbeatOutcome.OK);
        Thread.sleep(SESSION_MS / 2 + 200); // A's session has run out; B's has not
        assertThat(log.heartbeat("g1", "B", b.generation()))
                .as("A left at this call (KG2), and B's generation is over")
                .isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);
        assertThat(kafkaShares(group))
                .as("Kafka holds B alone, with every partition")
                .containsExactly(List.of(0, 1, 2, 3, 4, 5, 6));
        assertThat(log.commit("g1", "A", b.generation(), 0, 0)).isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);

        log.leave("g1", "B");
        assertThat(kafkaShares(group)).as("Kafka's group is empty").isEmpty();
        assertThat(log.describeGroup("g1").assignment()).isEmpty();
    }

    /** Each member's partitions, as Kafka's admin client describes the group. */
    private static List<List<Integer>> kafkaShares(String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) {
            List<List<Integer>> out = new ArrayList<>();
            admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get()
                    .members()
                    .forEach(m -> out.add(m.assignment().topicPartitions().stream()
                            .map(TopicPartition::partition)
                            .sorted()
                            .toList()));
            return out;
        }
    }

    /** Every member's share on Kafka is the reference's for the same member id. */
    private static void assertSharesAsTheReferences(Group kafkaGroup, KafkaLog reference, String when) {
        for (Member m : kafkaGroup.members) {
            assertThat(m.share)
                    .as("%s: the share of %s", when, m.id)
                    .isEqualTo(reference
                            .assignment(kafkaGroup.name, m.id)
                            .orElseThrow()
                            .partitions());
        }
    }

    private static LogConfig config(Assignor assignor) {
        return LogConfig.of(PARTITIONS).withAssignor(assignor).withSessionTimeout(Duration.ofMillis(SESSION_MS));
    }

    /** One consumer of the group: its own connection, its member id, generation and share. */
    private static final class Member {
        final KafkaWire wire;
        String id = "";
        int generation = -1;
        List<Integer> share = List.of();

        Member(String address) {
            int colon = address.lastIndexOf(':');
            wire = KafkaWire.connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        }
    }

    /** A group of a new topic of {@link #PARTITIONS}, and the members this test drives in it. */
    private static final class Group implements AutoCloseable {
        final PartitionedLog log = factory.create(LogConfig.of(PARTITIONS), InstantSource.system());
        final String topic = topicOf(log);
        final String name = "g1";
        final String kafkaName = KafkaGroups.groupId(topic, name); // the group the log's commits go to
        final Assignor assignor;
        final List<Member> members = new ArrayList<>();
        private final byte[] subscription = Utils.toArray(
                ConsumerProtocol.serializeSubscription(new ConsumerPartitionAssignor.Subscription(List.of(topic))));

        Group(Assignor assignor) {
            this.assignor = assignor;
            assertThat(log.committed(name, 0)).isEmpty(); // finds the group's coordinator, which loads its offsets
        }

        Member newMember() {
            Member m = new Member(kafka.bootstrapServers().split(",")[0]);
            JoinGroupResponseData first = KafkaWire.retrying( // v4 and later: the coordinator names the member
                    () -> joinOnce(m), r -> Errors.forCode(r.errorCode()));
            assertThat(Errors.forCode(first.errorCode())).isEqualTo(Errors.MEMBER_ID_REQUIRED);
            m.id = first.memberId();
            return m;
        }

        /** A new member joins; every member rejoins when its heartbeat says a rebalance began. */
        Member join() throws Exception {
            Member m = newMember();
            complete(new ArrayList<>(members), m, joinAsync(m));
            return m;
        }

        void leave(Member m) throws Exception {
            LeaveGroupResponse r = m.wire.send(
                    new LeaveGroupRequest.Builder(
                            kafkaName, List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(m.id))),
                    4);
            assertThat(r.error()).isEqualTo(Errors.NONE);
            members.remove(m);
            complete(new ArrayList<>(members), null, null);
        }

        CompletableFuture<JoinGroupResponseData> joinAsync(Member m) {
            return CompletableFuture.supplyAsync(() -> joinOnce(m), KafkaGroupsBrokerTest.members);
        }

        /**
         * The rest of a rebalance: each of {@code rejoining} heartbeats until Kafka says one began, then rejoins;
         * once every JoinGroup is answered the leader shares the partitions, and every member syncs.
         */
        void complete(List<Member> rejoining, Member joiner, CompletableFuture<JoinGroupResponseData> joined)
                throws Exception {
            Map<Member, CompletableFuture<JoinGroupResponseData>> joins = new java.util.LinkedHashMap<>();
            for (Member m : rejoining) {
                while (heartbeat(m, m.generation) == Errors.NONE) {
                    Thread.sleep(50);
                }
                joins.put(m, joinAsync(m));
            }
            if (joiner != null) {
                joins.put(joiner, joined);
                members.add(joiner);
            }
            Map<String, byte[]> shares = new TreeMap<>();
            for (Map.Entry<Member, CompletableFuture<JoinGroupResponseData>> j : joins.entrySet()) {
                JoinGroupResponseData r = j.getValue().get(REBALANCE_MS, TimeUnit.MILLISECONDS);
                assertThat(Errors.forCode(r.errorCode()))
                        .as("JoinGroup of %s", j.getKey().id)
                        .isEqualTo(Errors.NONE);
                j.getKey().generation = r.generationId();
                if (r.leader().equals(r.memberId())) {
                    shares.putAll(assign(r));
                }
            }
            List<CompletableFuture<Void>> syncs = new ArrayList<>();
            for (Member m : joins.keySet()) {
                syncs.add(CompletableFuture.runAsync(() -> sync(m, shares), KafkaGroupsBrokerTest.members));
            }
            for (CompletableFuture<Void> s : syncs) {
                s.get(REBALANCE_MS, TimeUnit.MILLISECONDS);
            }
        }

        /** The leader's work: Kafka's consumer-side assignor over the members' subscriptions. */
        private Map<String, byte[]> assign(JoinGroupResponseData leader) {
            Map<String, ConsumerPartitionAssignor.Subscription> subscriptions = new TreeMap<>();
            leader.members()
                    .forEach(m -> subscriptions.put(
                            m.memberId(), ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(m.metadata()))));
            Map<String, List<TopicPartition>> shares = (assignor == Assignor.RANGE
                            ? new RangeAssignor()
                            : new RoundRobinAssignor())
                    .assign(Map.of(topic, PARTITIONS), subscriptions);
            Map<String, byte[]> out = new TreeMap<>();
            shares.forEach((member, tps) -> out.put(
                    member,
                    Utils.toArray(
                            ConsumerProtocol.serializeAssignment(new ConsumerPartitionAssignor.Assignment(tps)))));
            return out;
        }

        private void sync(Member m, Map<String, byte[]> shares) {
            List<SyncGroupRequestData.SyncGroupRequestAssignment> given = new ArrayList<>();
            shares.forEach((id, bytes) -> given.add(new SyncGroupRequestData.SyncGroupRequestAssignment()
                    .setMemberId(id)
                    .setAssignment(bytes)));
            SyncGroupResponse r = m.wire.send(
                    new SyncGroupRequest.Builder(new SyncGroupRequestData()
                            .setGroupId(kafkaName)
                            .setGenerationId(m.generation)
                            .setMemberId(m.id)
                            .setProtocolType(PROTOCOL_TYPE)
                            .setProtocolName(protocol())
                            .setAssignments(given)),
                    5);
            assertThat(r.error()).as("SyncGroup of %s", m.id).isEqualTo(Errors.NONE);
            List<Integer> share = new ArrayList<>();
            ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(r.data().assignment()))
                    .partitions()
                    .forEach(tp -> share.add(tp.partition()));
            share.sort(null);
            m.share = List.copyOf(share);
        }

        private JoinGroupResponseData joinOnce(Member m) {
            JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
                    new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
            protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol()
                    .setName(protocol())
                    .setMetadata(subscription));
            JoinGroupResponse r = m.wire.send(
                    new JoinGroupRequest.Builder(new JoinGroupRequestData()
                            .setGroupId(kafkaName)
                            .setSessionTimeoutMs(SESSION_MS)
                            .setRebalanceTimeoutMs(REBALANCE_MS)
                            .setMemberId(m.id)
                            .setProtocolType(PROTOCOL_TYPE)
                            .setProtocols(protocols)),
                    7);
            return r.data();
        }

        Errors heartbeat(Member m, int generation) {
            HeartbeatResponse r = m.wire.send(
                    new HeartbeatRequest.Builder(new HeartbeatRequestData()
                            .setGroupId(kafkaName)
                            .setGenerationId(generation)
                            .setMemberId(m.id)),
                    4);
            return r.error();
        }

        private String protocol() {
            return assignor == Assignor.RANGE ? "range" : "roundrobin";
        }

        @Override
        public void close() {
            members.forEach(m -> m.wire.close());
        }
    }

    private static String topicOf(PartitionedLog log) {
        try (org.apache.kafka.clients.admin.Admin admin = kafka.admin()) {
            return admin.listTopics().names().get().stream()
                    .filter(n -> n.startsWith("queuelab-"))
                    .max((x, y) -> Long.compare(ordinal(x), ordinal(y)))
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list Kafka's topics", e);
        }
    }

    private static long ordinal(String topic) {
        return Long.parseLong(topic.substring(topic.lastIndexOf('-') + 1));
    }
}
