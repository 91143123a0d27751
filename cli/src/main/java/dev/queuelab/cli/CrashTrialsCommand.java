package dev.queuelab.cli;

import dev.queuelab.crash.CrashReport;
import dev.queuelab.crash.CrashTrials;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code queuelab crash-trials}: kill a JVM writing the log on disk, recover, and count what survived. */
@Command(
        name = "crash-trials",
        mixinStandardHelpOptions = true,
        header = "Kill a process writing the log on disk with SIGKILL, recover its files, and judge what survived.",
        description = {
            "Each trial starts a JVM that appends to a two-partition log on disk (force per append, group "
                    + "commit or page cache, in turn) and commits offsets, kills it with SIGKILL after a number of "
                    + "acknowledgements drawn from the seed (once or twice on the same files), sometimes flips a byte, "
                    + "truncates or zeroes a page of the active segment, then recovers the log and checks: no "
                    + "acknowledged append lost, no corrupt record served, offsets dense, no commit ahead of the log. "
                    + "Then a simulated power loss under each policy, and the disk bug gallery, each variant caught.",
            "",
            "Examples:",
            "  queuelab crash-trials",
            "  queuelab crash-trials --trials 200 --seed 7"
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
            description = "Kill trials to run (default: ${DEFAULT-VALUE}).")
    int trials;

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
        if (trials < 1 || trials > 100_000) {
            throw new ParameterException(
                    spec.commandLine(), "--trials " + trials + " is out of range: use 1 to 100000");
        }
        PrintWriter out = spec.commandLine().getOut();
        CrashTrials.Counts counts =
                CrashTrials.run(new CrashTrials.Options(trials, seed, dir, Duration.ofSeconds(60)), out);
        CrashReport.print(counts, seed, out);
        return counts.passed() ? 0 : 1;
    }
}
