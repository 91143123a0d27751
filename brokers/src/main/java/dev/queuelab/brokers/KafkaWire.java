package dev.queuelab.brokers;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * One blocking connection to one Kafka node, speaking Kafka's wire protocol: a request is a 4-byte size, a
 * {@link RequestHeader} (api key, version, correlation id, client id) and the body the request class
 * serializes; the answer is a 4-byte size, a response header and a body, parsed by the response class of the
 * same api and version. One request, then its response: nothing is pipelined.
 *
 * <p>Invariants:
 *   KW1 every response read carries the correlation id of the request just sent, or the connection is dropped
 *   KW2 a request is sent at the version the caller names, never one the library would pick by itself.
 *
 * <p>Thread-safety: one caller at a time (the adapter's monitor). Real world: Kafka's own NetworkClient, without
 * its pipelining, metadata and retries.
 */
final class KafkaWire implements AutoCloseable {

    /** How long one answer may take: a produce with acks=all, a coordinator writing its log. */
    private static final int READ_TIMEOUT_MS = 30_000;

    /** Errors that mean "ask again": the coordinator is loading, moving, or busy finishing a transaction. */
    static final Set<Errors> RETRIABLE = Set.of(
            Errors.COORDINATOR_LOAD_IN_PROGRESS,
            Errors.COORDINATOR_NOT_AVAILABLE,
            Errors.NOT_COORDINATOR,
            Errors.CONCURRENT_TRANSACTIONS,
            Errors.NOT_ENOUGH_REPLICAS,
            Errors.REQUEST_TIMED_OUT);

    /** How long a call keeps asking again while the broker answers {@link #RETRIABLE}. */
    static final Duration RETRY_FOR = Duration.ofSeconds(20);

    private static final Duration BACKOFF = Duration.ofMillis(20);

    private final String address;
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int correlation;

    private KafkaWire(String address, Socket socket) throws IOException {
        this.address = address;
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to {@code host:port}. */
    static KafkaWire connect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return new KafkaWire(host + ":" + port, socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was opened to close
            }
            throw new BrokerUnavailableException("Kafka at " + host + ":" + port + " refused a connection: " + e, e);
        }
    }

    String address() {
        return address;
    }

    /** Sends the request at {@code version} and answers its response (KW1, KW2). */
    @SuppressWarnings("unchecked") // the response class is the request's api's, at the same version
    <R extends AbstractResponse> R send(AbstractRequest.Builder<?> builder, int version) {
        AbstractRequest request = builder.build((short) version);
        RequestHeader header = new RequestHeader(request.apiKey(), request.version(), "queuelab", ++correlation);
        try {
            ByteBuffer body = request.serializeWithHeader(header);
            out.writeInt(body.remaining());
            out.write(body.array(), body.arrayOffset() + body.position(), body.remaining());
            out.flush();
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return (R) AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(
                    "Kafka at " + address + " did not answer " + request.apiKey() + " v" + version + ": " + e, e);
        } catch (IllegalStateException e) { // a correlation id that is not ours: parseResponse's check
            close();
            throw e;
        }
    }

    /**
     * Asks until the answer's error, read by {@code error}, is not {@link #RETRIABLE} or {@link #RETRY_FOR} has
     * passed, as Kafka's clients retry a coordinator that is loading or a transaction that is still ending.
     * Each attempt is {@code attempt}: it may look the coordinator up again.
     */
    static <R> R retrying(java.util.function.Supplier<R> attempt, Function<R, Errors> error) {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        while (true) {
            R answer = attempt.get();
            if (!RETRIABLE.contains(error.apply(answer)) || System.nanoTime() > deadline) {
                return answer;
            }
            backoff();
        }
    }

    /** Waits a little before asking again (retry.backoff.ms): the broker finishes what it was doing. */
    static void backoff() {
        try {
            Thread.sleep(BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka was busy", e);
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to do
        }
    }
}
