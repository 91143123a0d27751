package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.Seek;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a seek lands: L7 (timestamps), and the ends of the served range (L3, L6). */
class SeekTest extends LogFixture {

    @Test
    void shouldLandOnTheFirstRecordStampedAtOrAfterTheTimestampWhenSeekingByTime() {
        KafkaLog log = log(LogConfig.of(1));
        append(log, 0, "t0");
        clock.advance(Duration.ofSeconds(10));
        Instant t10 = clock.instant();
        append(log, 0, "t10a");
        append(log, 0, "t10b");
        clock.advance(Duration.ofSeconds(10));
        append(log, 0, "t20");
        assertThat(log.offsetFor(0, Seek.toTimestamp(t10), IsolationLevel.READ_UNCOMMITTED))
                .as("L7: a record stamped exactly at the target counts: offset 1, not 3")
                .isEqualTo(1);
        assertThat(log.offsetFor(0, Seek.toTimestamp(t10.plusMillis(1)), IsolationLevel.READ_UNCOMMITTED))
                .as("L7: just after t10, the first later record is t20 at offset 3")
                .isEqualTo(3);
        assertThat(log.offsetFor(0, Seek.toTimestamp(clock.instant().plusSeconds(1)), IsolationLevel.READ_UNCOMMITTED))
                .as("L7: no record that late: the end")
                .isEqualTo(4);
    }

    @Test
    void shouldLandOnTheLogStartOrTheHighWatermarkWhenSeekingToAnEnd() {
        KafkaLog log = log(LogConfig.of(1).withRetentionTime(Duration.ofMinutes(1)));
        append(log, 0, "old");
        clock.advance(Duration.ofMinutes(2));
        append(log, 0, "new");
        assertThat(log.offsetFor(0, Seek.earliest(), IsolationLevel.READ_UNCOMMITTED))
                .as("L5: earliest is the log start offset, after retention")
                .isEqualTo(1);
        assertThat(log.offsetFor(0, Seek.latest(), IsolationLevel.READ_UNCOMMITTED))
                .as("L3: latest is the high watermark")
                .isEqualTo(2);
        assertThat(log.offsetFor(0, Seek.toOffset(7), IsolationLevel.READ_UNCOMMITTED))
                .as("an offset is taken as given; a read from it would fail")
                .isEqualTo(7);
    }
}
