package dev.queuelab.brokers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest;
import org.apache.kafka.common.requests.FindCoordinatorResponse;

/**
 * Where each request of a log goes: a partition's appends to its leader (read once from the topic's
 * description), a transactional id's and a group's requests to the coordinator FindCoordinator names (key type
 * TRANSACTION or GROUP), anything else to the first bootstrap server. One {@link KafkaWire} per node, opened
 * when first needed and opened again after a failure.
 *
 * <p>Invariants:
 *   KN1 a coordinator is looked up again after an answer that says it moved (NOT_COORDINATOR, not available)
 *   KN2 every connection it opened is closed by {@link #close()}.
 *
 * <p>Thread-safety: one caller at a time. Real world: the metadata and coordinator caches of Kafka's clients.
 */
final class KafkaNodes implements AutoCloseable {

    /** FindCoordinator v4 and later look keys up in a batch; this asks for one. */
    private static final int FIND_COORDINATOR_VERSION = 4;

    private final String bootstrap;
    private final Map<String, KafkaWire> wires = new HashMap<>();
    private final Map<Integer, String> leaders = new HashMap<>();
    private final Map<String, String> coordinators = new HashMap<>();

    /**
     * The partitions' leaders of {@code topic}, from the admin client's description of it: asked again while the
     * broker does not host the topic yet (a topic just made reaches every broker's metadata a moment later).
     */
    KafkaNodes(String bootstrapServers, Admin admin, String topic) {
        this.bootstrap = bootstrapServers.split(",")[0];
        TopicDescription d = KafkaWire.retrying(
                () -> describe(admin, topic),
                x -> x == null
                        ? Errors.NOT_ENOUGH_REPLICAS // retriable: not hosted yet
                        : Errors.NONE);
        if (d == null) {
            throw new IllegalStateException(
                    "Kafka did not describe " + topic + " within " + KafkaWire.RETRY_FOR.toSeconds() + " s");
        }
        d.partitions().forEach(p -> leaders.put(p.partition(), address(p.leader())));
    }

    /** The topic's description, or null while the broker answers that it does not host it. */
    private static TopicDescription describe(Admin admin, String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("Kafka did not describe " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    private static String address(Node n) {
        return n.host() + ":" + n.port();
    }

    /** The first bootstrap server: for a request any node answers (an idempotent producer's id). */
    KafkaWire any() {
        return wire(bootstrap);
    }

    /** The leader of the topic's {@code partition}. */
    KafkaWire leader(int partition) {
        return wire(leaders.get(partition));
    }

    /** The coordinator of a transactional id. */
    KafkaWire transactionCoordinator(String transactionalId) {
        return coordinator(FindCoordinatorRequest.CoordinatorType.TRANSACTION, transactionalId);
    }

    /** The coordinator of a group. */
    KafkaWire groupCoordinator(String group) {
        return coordinator(FindCoordinatorRequest.CoordinatorType.GROUP, group);
    }

    /** Forgets where {@code key}'s coordinator was, so the next call looks it up again (KN1). */
    void moved(Errors error, String key) {
        if (error == Errors.NOT_COORDINATOR || error == Errors.COORDINATOR_NOT_AVAILABLE) {
            coordinators.remove("TRANSACTION/" + key);
            coordinators.remove("GROUP/" + key);
        }
    }

    private KafkaWire coordinator(FindCoordinatorRequest.CoordinatorType type, String key) {
        String address = coordinators.get(type + "/" + key);
        if (address == null) {
            FindCoordinatorResponseData.Coordinator found = KafkaWire.retrying(
                    () -> find(type, key).data().coordinators().get(0), c -> Errors.forCode(c.errorCode()));
            if (found.errorCode() != Errors.NONE.code()) {
                throw new IllegalStateException("Kafka found no " + type + " coordinator for '" + key + "': "
                        + Errors.forCode(found.errorCode()) + " " + found.errorMessage());
            }
            address = found.host() + ":" + found.port();
            coordinators.put(type + "/" + key, address);
        }
        return wire(address);
    }

    private FindCoordinatorResponse find(FindCoordinatorRequest.CoordinatorType type, String key) {
        return any().<FindCoordinatorResponse>send(
                        new FindCoordinatorRequest.Builder(new FindCoordinatorRequestData()
                                .setKeyType(type.id())
                                .setCoordinatorKeys(List.of(key))),
                        FIND_COORDINATOR_VERSION);
    }

    private KafkaWire wire(String address) {
        KafkaWire w = wires.get(address);
        if (w == null || !w.isOpen()) {
            int colon = address.lastIndexOf(':');
            w = KafkaWire.connect(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
            wires.put(address, w);
        }
        return w;
    }

    @Override
    public void close() {
        wires.values().forEach(KafkaWire::close);
        wires.clear();
    }
}
