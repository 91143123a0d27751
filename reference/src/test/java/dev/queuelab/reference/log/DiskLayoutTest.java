package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskLayoutTest extends DiskFixture {

    @TempDir
    Path dir;

    @Test
    void shouldNameEachSegmentByItsBaseOffsetWhenItRollsByAge() throws IOException {
        LogConfig config = LogConfig.of(1).withSegmentAge(Duration.ofMinutes(10));
        try (DurableKafkaLog log =
                DurableKafkaLog.open(dir, "t", config, FlushPolicy.pageCache(), clock, FlushScheduler.CALLER)) {
            log.append(0, record(0));
            log.append(0, record(1));
            clock.advance(Duration.ofMinutes(11));
            log.append(0, record(2));
        }
        assertThat(files(dir, ".log"))
                .as("L4: the first record was 11 min old, past segment.ms: offset 2 opens a segment")
                .extracting(f -> f.getFileName().toString())
                .containsExactly("00000000000000000000.log", "00000000000000000002.log");
        assertThat(files(dir, ".index")).hasSize(2);
    }

    @Test
    void shouldRefuseATopicNameThatCannotNameADirectoryWhenOpening() {
        assertThatThrownBy(() -> DurableKafkaLog.open(
                        dir, "../up", SMALL, FlushPolicy.pageCache(), clock, FlushScheduler.CALLER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic ../up")
                .hasMessageContaining("letters, digits");
    }
}
