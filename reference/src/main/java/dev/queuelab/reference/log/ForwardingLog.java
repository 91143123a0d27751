package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A partitioned log that passes every call to another: implement {@link #delegate()} and override only the
 * calls that differ. It carries no state and no lock of its own.
 *
 * Teaches: how to change one answer of a log without copying it or subclassing it: wrap it. The log on
 * disk wraps the log in memory this way, and a gallery variant that changes one answer of the api does too.
 * Invariants:
 *   FL1 every call not overridden returns what the delegate returns, and changes what it changes;
 *   FL2 a forwarding log adds no locking: the delegate's thread-safety is its own.
 * Thread-safety: the delegate's (FL2).
 * Real world: Guava's Forwarding* collections; a Kafka client interceptor that sees every call.
 */
public interface ForwardingLog extends PartitionedLog {

    /** The log every call not overridden goes to. */
    PartitionedLog delegate();

    @Override
    default LogConfig config() {
        return delegate().config();
    }

    @Override
    default LogCapabilities capabilities() {
        return delegate().capabilities();
    }

    @Override
    default AppendOutcome append(String key, String value, Map<String, String> headers) {
        return delegate().append(key, value, headers);
    }

    @Override
    default AppendOutcome append(int partition, ProducerRecord record) {
        return delegate().append(partition, record);
    }

    @Override
    default ProducerIdAndEpoch initProducerId() {
        return delegate().initProducerId();
    }

    @Override
    default AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        return delegate().append(producer, partition, sequence, record);
    }

    @Override
    default int partitionFor(String key) {
        return delegate().partitionFor(key);
    }

    @Override
    default ProducerIdAndEpoch initTransactions(String transactionalId) {
        return delegate().initTransactions(transactionalId);
    }

    @Override
    default TransactionOutcome beginTransaction(ProducerIdAndEpoch producer) {
        return delegate().beginTransaction(producer);
    }

    @Override
    default TransactionOutcome sendOffsetsToTransaction(
            ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        return delegate().sendOffsetsToTransaction(producer, group, offsets);
    }

    @Override
    default TransactionOutcome commitTransaction(ProducerIdAndEpoch producer) {
        return delegate().commitTransaction(producer);
    }

    @Override
    default TransactionOutcome abortTransaction(ProducerIdAndEpoch producer) {
        return delegate().abortTransaction(producer);
    }

    @Override
    default FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        return delegate().read(partition, fromOffset, max, isolation);
    }

    @Override
    default long logStartOffset(int partition) {
        return delegate().logStartOffset(partition);
    }

    @Override
    default long highWatermark(int partition) {
        return delegate().highWatermark(partition);
    }

    @Override
    default long lastStableOffset(int partition) {
        return delegate().lastStableOffset(partition);
    }

    @Override
    default long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        return delegate().offsetFor(partition, seek, isolation);
    }

    @Override
    default Assignment join(String group, String memberId) {
        return delegate().join(group, memberId);
    }

    @Override
    default void leave(String group, String memberId) {
        delegate().leave(group, memberId);
    }

    @Override
    default HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        return delegate().heartbeat(group, memberId, generation);
    }

    @Override
    default Optional<Assignment> assignment(String group, String memberId) {
        return delegate().assignment(group, memberId);
    }

    @Override
    default GroupDescription describeGroup(String group) {
        return delegate().describeGroup(group);
    }

    @Override
    default CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        return delegate().commit(group, memberId, generation, partition, offset);
    }

    @Override
    default OptionalLong committed(String group, int partition) {
        return delegate().committed(group, partition);
    }

    @Override
    default long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        return delegate().resumeOffset(group, partition, reset, isolation);
    }

    @Override
    default List<String> groups() {
        return delegate().groups();
    }

    @Override
    default Durability durability() {
        return delegate().durability();
    }

    @Override
    default CompletableFuture<AppendOutcome> send(int partition, ProducerRecord record) {
        return delegate().send(partition, record);
    }
}
