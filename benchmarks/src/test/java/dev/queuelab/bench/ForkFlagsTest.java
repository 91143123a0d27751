package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark's fork touches its whole heap before it starts ({@code -XX:+AlwaysPreTouch}). Without it a fork
 * of a few seconds pays the kernel's first touch of each page its allocations reach, in the measured time: on a
 * virtual machine whose page faults are dear, the idempotent consumer's forks ran at 0.26 - 1.2 M messages/s
 * where pre-touched ones ran at 1.8 - 4.3 M, and the ratio between its two variants swung with the faults, not
 * the code. Read from JMH's own list of the benchmarks it was given, so a new benchmark cannot be missed.
 */
class ForkFlagsTest {

    @Test
    void shouldPreTouchTheHeapInEveryBenchmarksFork() {
        Set<BenchmarkListEntry> all = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of());
        Set<String> without = new TreeSet<>();
        for (BenchmarkListEntry b : all) {
            Collection<String> args = b.getJvmArgsAppend().orElse(List.of());
            if (!args.contains("-XX:+AlwaysPreTouch")) {
                without.add(b.getUserClassQName());
            }
        }
        assertThat(all)
                .as("JMH's list of benchmarks, from the annotation processor")
                .hasSizeGreaterThan(20);
        assertThat(without)
                .as("benchmarks whose @Fork(jvmArgsAppend) lacks -XX:+AlwaysPreTouch")
                .isEmpty();
    }
}
