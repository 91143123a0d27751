package dev.queuelab.reference.pubsub.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The broadcast's invariants, BC1 to BC7, each at its edge. */
class RedisBroadcastTest {

    private final SimClock clock = new SimClock();
    private final RedisBroadcast redis = new RedisBroadcast(new BroadcastConfig(20, 10, 2), clock);

    @Test
    void shouldDeliverOnlyToSubscribersWhenTheyAreConnectedAtPublish() {
        redis.connect("a");
        redis.subscribe("a", "news");
        assertThat(redis.publish("news", "m1")).isEqualTo(1);
        redis.connect("b");
        redis.subscribe("b", "news");
        redis.disconnect("a");
        assertThat(redis.publish("news", "m2")).isEqualTo(1);
        redis.connect("a");
        redis.subscribe("a", "news");
        assertThat(redis.read("a", 10).messages()).isEmpty();
        assertThat(redis.read("b", 10).messages()).containsExactly(Pushed.message("news", "m2"));
        assertThat(redis.subscribe("ghost", "news")).isFalse();
    }

    @Test
    void shouldDeliverAndCountOncePerSubscriptionWhenAChannelAndPatternsMatch() {
        redis.connect("a");
        redis.subscribe("a", "news.x");
        redis.psubscribe("a", "news.*");
        redis.psubscribe("a", "*");
        assertThat(redis.publish("news.x", "m")).isEqualTo(3);
        assertThat(redis.read("a", 10).messages())
                .containsExactly(
                        Pushed.message("news.x", "m"),
                        Pushed.pmessage("news.*", "news.x", "m"),
                        Pushed.pmessage("*", "news.x", "m"));
        assertThat(redis.publish("", "e")).isZero();
    }

    @Test
    void shouldCloseOnlyTheSlowClientWhenItsBufferReachesTheHardLimit() {
        redis.connect("slow");
        redis.connect("fast");
        redis.subscribe("slow", "c");
        redis.subscribe("fast", "c");
        assertThat(redis.publish("c", "0123456789")).isEqualTo(2);
        assertThat(redis.read("fast", 10).messages()).hasSize(1);
        assertThat(redis.publish("c", "0123456789")).isEqualTo(2);
        Inbox slow = redis.read("slow", 10);
        assertThat(slow.state()).isEqualTo(Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT);
        assertThat(slow.messages()).isEmpty();
        assertThat(redis.read("fast", 10).messages()).hasSize(1);
        assertThat(redis.publish("c", "x")).isEqualTo(1);
    }

    @Test
    void shouldCloseAtTheSoftLimitOnlyWhenHeldPastItsSeconds() {
        redis.connect("s");
        redis.subscribe("s", "c");
        redis.publish("c", "0123456789");
        clock.advance(Duration.ofSeconds(2));
        redis.publish("c", "1");
        assertThat(redis.read("s", 1).state()).isEqualTo(Inbox.State.CONNECTED);
        clock.advance(Duration.ofSeconds(1));
        redis.publish("c", "0123456789");
        assertThat(redis.read("s", 1).state()).isEqualTo(Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT);
    }

    @Test
    void shouldForgetTheSoftLimitWhenAnAppendFindsTheBufferUnderIt() {
        redis.connect("s");
        redis.subscribe("s", "c");
        redis.publish("c", "0123456789");
        redis.read("s", 1);
        clock.advance(Duration.ofSeconds(5));
        redis.publish("c", "1");
        redis.publish("c", "012345678");
        assertThat(redis.read("s", 10).state()).isEqualTo(Inbox.State.CONNECTED);
    }
}
