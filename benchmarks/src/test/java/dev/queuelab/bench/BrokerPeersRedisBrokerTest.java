package dev.queuelab.bench;

import org.junit.jupiter.api.Test;

/**
 * The Redis peer's trial setup starts a redis-server that answers on loopback, and its teardown stops the
 * process and deletes its folder: judged from outside (a connection to the port, the temporary folder). Needs
 * the Debian redis-server package, so it runs with {@code ./mvnw verify -Pbrokers}.
 */
class BrokerPeersRedisBrokerTest {

    @Test
    void shouldStopRedisAndDeleteItsFolderWhenTheFanoutTrialEnds() throws Exception {
        BrokerPeersLifecycleTest.fanoutTrialStartsAndCleansUp("Redis", "queuelab-peers-redis-");
    }
}
