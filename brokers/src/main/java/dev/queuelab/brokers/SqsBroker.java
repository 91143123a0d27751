package dev.queuelab.brokers;

import java.net.URI;
import java.time.Duration;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS-compatible endpoint for a check: either ElasticMQ, which queuelab starts in process on an ephemeral
 * loopback port, or a user's own endpoint ({@code --sqs-endpoint}: real SQS or another emulator), which
 * queuelab only checks is answering.
 *
 * <p>Invariants:
 *   EQ1 a server queuelab starts binds 127.0.0.1 only
 *   EQ2 it answers ListQueues when {@link #start()} returns
 *   EQ3 {@link #close()} stops it, and never touches an endpoint queuelab did not start.
 *
 * <p>Thread-safety: start and close from one thread; clients may be made from any.
 */
public final class SqsBroker implements AutoCloseable {

    private final URI endpoint;
    private final SQSRestServer server; // null for an endpoint queuelab did not start

    private SqsBroker(URI endpoint, SQSRestServer server) {
        this.endpoint = endpoint;
        this.server = server;
    }

    /** Starts ElasticMQ in process on loopback, and waits until it answers. */
    public static SqsBroker start() {
        int port = LoopbackPorts.free();
        SQSRestServer server;
        try {
            server = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                    .start();
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(
                    "ElasticMQ on 127.0.0.1:" + port + " did not start: " + e.getMessage(), e);
        }
        SqsBroker broker = new SqsBroker(URI.create("http://127.0.0.1:" + port), server);
        try {
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** An endpoint the user runs (http or https); checked to answer, never stopped. */
    public static SqsBroker at(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint == null ? "" : endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--sqs-endpoint is '" + endpoint
                    + "': give an http(s) URL, e.g. http://localhost:9324 or https://sqs.eu-west-1.amazonaws.com");
        }
        SqsBroker broker = new SqsBroker(uri, null);
        broker.awaitReady();
        return broker;
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean owned() {
        return server != null;
    }

    /**
     * A client for this endpoint; the caller closes it. ElasticMQ takes any credentials; a user's endpoint gets
     * the default AWS credential chain (else any key, as emulators take) and region (AWS_REGION, else us-east-1).
     */
    public SqsClient client() {
        AwsCredentialsProvider anyKey =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("queuelab", "queuelab"));
        AwsCredentialsProvider credentials = owned()
                ? anyKey
                : AwsCredentialsProviderChain.builder()
                        .credentialsProviders(
                                DefaultCredentialsProvider.builder().build(), anyKey)
                        .build();
        String region = owned() ? "us-east-1" : System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private void awaitReady() {
        try (SqsClient client = client()) {
            client.listQueues();
        } catch (RuntimeException e) {
            throw new BrokerUnavailableException(
                    "the SQS endpoint " + endpoint + " did not answer ListQueues: " + brief(e), e);
        }
    }

    /** The first line of the deepest cause, short: what a user can act on. */
    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stopAndWait();
        }
    }
}
