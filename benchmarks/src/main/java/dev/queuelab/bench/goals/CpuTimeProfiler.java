package dev.queuelab.bench.goals;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * How much of the machine a forked JVM got while it measured: its process's CPU time over the iteration's wall
 * time ({@code cpu.cores}: 1.0 is one core all the time). On cores shared with other builds, a one-thread
 * benchmark's score per second says how much CPU the scheduler gave it; its score over this share, per
 * CPU-second, says what its work costs. Its own collector's and compiler's threads count, as they are its cost.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    public static final String RESULT = "cpu.cores";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "the share of a core the forked JVM used during each iteration (process CPU time over wall time)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        double cores = (os.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
        return List.of(new ScalarResult(RESULT, cores, "cores", AggregationPolicy.AVG));
    }
}
