package dev.queuelab.crash;

import dev.queuelab.api.log.FlushPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code queuelab crash-trials}: kill a JVM writing the log on disk, cut the power under it, and judge what survived. */
@Command(
        name = "crash-trials",
        mixinStandardHelpOptions = true,
        header =
                "Crash the log on disk (SIGKILL on the real disk, power cuts on a simulated one) and judge what survived.",
        description = {
            "Kill trials: each starts a JVM that appends to a two-partition log on the real disk (force per append, "
                    + "group commit or page cache, in turn) and commits offsets, kills it with SIGKILL while it opens "
                    + "the log or after a number of acknowledgements drawn from the seed (once or twice on the same "
                    + "files), sometimes damages a segment, then recovers the log and checks R1 to R6: no acknowledged "
                    + "append lost, no corrupt record served, offsets dense, no commit ahead of the log or lost.",
            "Power-cut trials: the log of --impl runs on a simulated disk that keeps, at a power cut between any two "
                    + "operations, only what POSIX promises (unforced writes lost, torn at sectors or reordered; names "
                    + "lost unless their directory was forced); a failure is shrunk to its fewest steps and told. For "
                    + "the reference, each storage of the disk gallery must be caught by the same trials.",
            "",
            "Examples:",
            "  queuelab crash-trials",
            "  queuelab crash-trials --trials 200 --seed 7",
            "  queuelab crash-trials --impl log-never-forced --policy group-commit --trials 0"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every rule held and every gallery variant was caught",
            "1:a rule broke (the evidence is printed)",
            "2:bad usage or input"
        })
public final class CrashTrialsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--trials",
            paramLabel = "N",
            defaultValue = "20",
            description = "Kill trials to run, 0 for none (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(
            names = "--impl",
            paramLabel = "NAME",
            defaultValue = "reference",
            description = "The log on disk the power-cut trials judge: reference, or a disk gallery variant "
                    + "(default: ${DEFAULT-VALUE}). Kill trials always run the reference.")
    String impl;

    @Option(
            names = "--policy",
            paramLabel = "POLICY",
            description = "force, group-commit or page-cache: the flush policy of the power-cut trials (default: all"
                    + " three).")
    String policy;

    @Option(
            names = "--power-cuts",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Power-cut trials per policy (default: ${DEFAULT-VALUE}).")
    int powerCuts;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "The seed the kill points come from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".queuelab/crash-trials",
            description = "Where the trials' files go, on a real disk (default: ${DEFAULT-VALUE}); deleted afterwards.")
    Path dir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (trials < 0 || trials > 100_000) {
            throw new ParameterException(
                    spec.commandLine(), "--trials " + trials + " is out of range: use 0 to 100000");
        }
        if (powerCuts < 0 || powerCuts > 1_000_000) {
            throw new ParameterException(
                    spec.commandLine(), "--power-cuts " + powerCuts + " is out of range: use 0 to 1000000");
        }
        DiskSubject subject;
        List<FlushPolicy> policies;
        try {
            subject = DiskGallery.subject(impl);
            policies = policy == null ? CrashTrials.policies() : List.of(CrashTrials.policy(policy));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        CrashTrials.Counts counts = CrashTrials.run(
                new CrashTrials.Options(trials, seed, dir, Duration.ofSeconds(60), subject, policies, powerCuts), out);
        CrashReport.print(counts, seed, out);
        return counts.passed() ? 0 : 1;
    }
}
