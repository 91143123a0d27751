package dev.queuelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One of {@link DurableLogBenchmark}'s raw variants run for {@code sends} appends with its files under a test's own
 * folder, and what then holds: the sends acknowledged, the forces made, and the file's size, read from the file
 * system, never from the benchmark's own count of what it wrote.
 */
record RawRun(long acked, long forces, long bytesInFile) {

    static RawRun of(Path dir, String mode, long sends) throws Exception {
        String before = System.getProperty("queuelab.bench.dir");
        System.setProperty("queuelab.bench.dir", dir.toString());
        try {
            DurableLogBenchmark bench = new DurableLogBenchmark();
            bench.mode = mode;
            bench.open();
            DurableLogBenchmark.Counters counters = new DurableLogBenchmark.Counters();
            try {
                for (long i = 0; i < sends; i++) {
                    bench.append(counters);
                }
                bench.awaitFlusher();
                Path file = dir.resolve(mode.replace('+', '_')).resolve("raw.log");
                return new RawRun(bench.acknowledged(counters), counters.forces, Files.size(file));
            } finally {
                bench.close();
            }
        } finally {
            if (before == null) {
                System.clearProperty("queuelab.bench.dir");
            } else {
                System.setProperty("queuelab.bench.dir", before);
            }
        }
    }
}
