package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The log api's floor ({@code TailCycleBenchmark}, {@code impl=KafkaLog-apiObjects}) moves records as the log's
 * channel does, or its figure would flatter the floor: it holds at most {@link Handoffs#CAPACITY} unread, and a read
 * answers with no more than were appended and not yet read, up to what was asked.
 */
class LogApiFloorChannelTest {

    private final Handoffs.ConsumerCounters counters = new Handoffs.ConsumerCounters();

    @Test
    void shouldReadBackWhatWasAppendedAndRefuseBeyondItsCapacity() {
        Handoffs.Channel channel = Handoffs.channel("KafkaLog-apiObjects");
        for (int i = 0; i < Handoffs.CAPACITY; i++) {
            assertThat(channel.offer())
                    .as("append %d of %d", i + 1, Handoffs.CAPACITY)
                    .isTrue();
        }
        assertThat(channel.offer()).as("an append past the capacity").isFalse();
        assertThat(channel.poll(500, counters)).as("a read of up to 500").isEqualTo(500);
        assertThat(channel.poll(600, counters))
                .as("a read of up to 600, with 524 left")
                .isEqualTo(524);
        assertThat(channel.poll(10, counters)).as("a read with nothing left").isZero();
        assertThat(channel.offer()).as("an append once everything was read").isTrue();
        assertThat(channel.poll(10, counters))
                .as("the one record appended since")
                .isEqualTo(1);
    }
}
