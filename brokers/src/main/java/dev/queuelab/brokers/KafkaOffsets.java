package dev.queuelab.brokers;

import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.LogFacts;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ListGroupsRequest;
import org.apache.kafka.common.requests.ListGroupsResponse;
import org.apache.kafka.common.requests.OffsetCommitRequest;
import org.apache.kafka.common.requests.OffsetCommitResponse;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.OffsetFetchResponse;
import org.apache.kafka.common.requests.TxnOffsetCommitRequest;
import org.apache.kafka.common.requests.TxnOffsetCommitResponse;

/**
 * A group's committed offsets over Kafka's wire: OffsetCommit with the member's Kafka id ({@link KafkaGroups})
 * and the generation it presents (member "" and generation -1 for a commit from no member, as {@code assign()}
 * users and admin tools send), OffsetFetch, ListGroups; and a transaction's offsets, TxnOffsetCommit from no member (after the
 * producer's AddOffsetsToTxn). Answers as the reference's outcomes: ILLEGAL_GENERATION (and the consumer
 * protocol's STALE_MEMBER_EPOCH) is ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID is UNKNOWN_MEMBER_ID.
 *
 * <p>Invariants:
 *   KO1 a commit's outcome is OffsetCommit's answer for that partition; nothing is stored by the adapter
 *   KO2 {@link #committed} is what OffsetFetch answers (-1 is none), read without waiting for open transactions.
 *
 * <p>Thread-safety: one caller at a time (the log's). Real world: the offset calls of Kafka's consumer and
 * admin client, and the producer's sendOffsetsToTransaction with a group's metadata of no member.
 */
final class KafkaOffsets {

    static final int TXN_OFFSET_COMMIT_VERSION = 3;
    static final int OFFSET_COMMIT_VERSION = 8; // 9 and later speak the consumer protocol's member epochs
    static final int OFFSET_FETCH_VERSION = 8;
    static final int LIST_GROUPS_VERSION = 4;

    private final KafkaNodes nodes;
    private final String topic;
    private final Set<String> used = new TreeSet<>(); // the groups this log committed into

    KafkaOffsets(KafkaNodes nodes, String topic) {
        this.nodes = nodes;
        this.topic = topic;
    }

    /** TxnOffsetCommit from no member: the offsets wait for the transaction's end (AddOffsetsToTxn came first). */
    Errors commitInTransaction(
            String transactionalId, ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        used.add(group);
        List<TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition> parts = new ArrayList<>();
        offsets.forEach((p, o) -> parts.add(new TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition()
                .setPartitionIndex(p)
                .setCommittedOffset(o)));
        TxnOffsetCommitRequestData data = new TxnOffsetCommitRequestData()
                .setTransactionalId(transactionalId)
                .setGroupId(group)
                .setProducerId(producer.producerId())
                .setProducerEpoch(producer.epoch())
                .setGenerationIdOrMemberEpoch(LogFacts.NO_GENERATION)
                .setMemberId("")
                .setTopics(List.of(new TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic()
                        .setName(topic)
                        .setPartitions(parts)));
        TxnOffsetCommitResponse r = KafkaWire.retrying(
                () -> nodes.groupCoordinator(group)
                        .<TxnOffsetCommitResponse>send(
                                TxnOffsetCommitRequest.Builder.forTopicNames(data, false), TXN_OFFSET_COMMIT_VERSION),
                x -> moved(first(x.errorCounts().keySet()), group));
        return first(r.errorCounts().keySet());
    }

    /** The worst of a response's errors: NONE only when every partition's is NONE. */
    private static Errors first(Set<Errors> errors) {
        return errors.stream().filter(e -> e != Errors.NONE).findFirst().orElse(Errors.NONE);
    }

    CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        used.add(group);
        OffsetCommitRequestData data = new OffsetCommitRequestData()
                .setGroupId(group)
                .setMemberId(memberId)
                .setGenerationIdOrMemberEpoch(generation)
                .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic()
                        .setName(topic)
                        .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                                .setPartitionIndex(partition)
                                .setCommittedOffset(offset)))));
        OffsetCommitResponse r = KafkaWire.retrying(
                () -> nodes.groupCoordinator(group)
                        .<OffsetCommitResponse>send(
                                OffsetCommitRequest.Builder.forTopicNames(data), OFFSET_COMMIT_VERSION),
                x -> moved(error(x), group));
        Errors error = error(r);
        return switch (error) {
            case NONE -> CommitOutcome.COMMITTED;
            case ILLEGAL_GENERATION, STALE_MEMBER_EPOCH -> CommitOutcome.ILLEGAL_GENERATION;
            case UNKNOWN_MEMBER_ID -> CommitOutcome.UNKNOWN_MEMBER_ID;
            default -> throw KafkaExactlyOnce.refused("OffsetCommit", error);
        };
    }

    private static Errors error(OffsetCommitResponse r) {
        return Errors.forCode(r.data().topics().get(0).partitions().get(0).errorCode());
    }

    OptionalLong committed(String group, int partition) {
        OffsetFetchRequestData data = new OffsetFetchRequestData()
                .setRequireStable(false)
                .setGroups(List.of(new OffsetFetchRequestData.OffsetFetchRequestGroup()
                        .setGroupId(group)
                        .setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopics()
                                .setName(topic)
                                .setPartitionIndexes(List.of(partition))))));
        OffsetFetchResponse r = KafkaWire.retrying(
                () -> nodes.groupCoordinator(group)
                        .<OffsetFetchResponse>send(
                                OffsetFetchRequest.Builder.forTopicNames(data, false), OFFSET_FETCH_VERSION),
                x -> moved(Errors.forCode(x.data().groups().get(0).errorCode()), group));
        var g = r.data().groups().get(0);
        Errors error = Errors.forCode(g.errorCode());
        if (error == Errors.GROUP_ID_NOT_FOUND) {
            return OptionalLong.empty();
        }
        if (error != Errors.NONE) {
            throw KafkaExactlyOnce.refused("OffsetFetch", error);
        }
        var p = g.topics().get(0).partitions().get(0);
        if (p.errorCode() != Errors.NONE.code()) {
            throw KafkaExactlyOnce.refused("OffsetFetch", Errors.forCode(p.errorCode()));
        }
        return p.committedOffset() < 0 ? OptionalLong.empty() : OptionalLong.of(p.committedOffset()); // KO2
    }

    /** The groups the cluster lists that this log committed into, sorted. */
    List<String> groups() {
        ListGroupsResponse r = KafkaWire.retrying(
                () -> nodes.any()
                        .<ListGroupsResponse>send(
                                new ListGroupsRequest.Builder(new ListGroupsRequestData()), LIST_GROUPS_VERSION),
                x -> Errors.forCode(x.data().errorCode()));
        Set<String> listed = new TreeSet<>();
        r.data().groups().forEach(g -> listed.add(g.groupId()));
        listed.retainAll(used);
        return List.copyOf(listed);
    }

    private Errors moved(Errors e, String key) {
        nodes.moved(e, key);
        return e;
    }
}
