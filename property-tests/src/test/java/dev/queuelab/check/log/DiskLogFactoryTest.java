package dev.queuelab.check.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerRecord;
import java.io.File;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskLogFactoryTest {

    @Test
    void shouldHoldTheFilesOfOneLogAtATimeWhenItMakesThousandsOfThem() {
        File fds = new File("/proc/self/fd");
        assumeTrue(fds.isDirectory(), "counts this process's open files through /proc (Linux)");
        DiskLogFactory factory = new DiskLogFactory(FlushPolicy.forceEachAppend());
        LogConfig config = LogConfig.of(3);
        int before = fds.list().length;
        for (int run = 0; run < 300; run++) {
            PartitionedLog log = factory.create(config, new SimClock());
            log.append(run % 3, new ProducerRecord("k", "v", Map.of()));
            if (run % 2 == 0) {
                factory.restart(log, config, new SimClock());
            }
        }
        int after = fds.list().length;
        assertThat(after - before)
                .as("open files after 300 logs of 3 partitions (a segment and an index each): those of the last one")
                .isLessThanOrEqualTo(3 * 2 + 4);
    }
}
