package dev.queuelab.cli;

import dev.queuelab.bench.command.BenchCommand;
import dev.queuelab.brokers.BrokersCommand;
import dev.queuelab.crash.CrashTrialsCommand;
import dev.queuelab.guide.GuideCommand;
import dev.queuelab.learn.CheckCommand;
import dev.queuelab.learn.ExercisesCommand;
import dev.queuelab.learn.HintCommand;
import dev.queuelab.learn.NextCommand;
import dev.queuelab.learn.ResetCommand;
import dev.queuelab.learn.SimulateCommand;
import dev.queuelab.learn.SolutionCommand;
import dev.queuelab.learn.StressCommand;
import dev.queuelab.learn.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code queuelab}: the one command-line app; each module's commands hang under it. */
@Command(
        name = "queuelab",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        header = "Learn, practise and review the design of message queues and event streams.",
        description = "Run a command with --help for its own options.",
        subcommands = {
            GuideCommand.class,
            ExercisesCommand.class,
            CheckCommand.class,
            StressCommand.class,
            SimulateCommand.class,
            HintCommand.class,
            WatchCommand.class,
            NextCommand.class,
            SolutionCommand.class,
            ResetCommand.class,
            BenchCommand.class,
            CrashTrialsCommand.class,
            BrokersCommand.class,
            CommandLine.HelpCommand.class
        })
public final class QueuelabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The app, with bad usage answered in one line that names the option and where to read more (exit 2),
     * rather than the whole usage text under the error.
     */
    static CommandLine commandLine() {
        CommandLine app = new CommandLine(new QueuelabCommand());
        giveTheBuildsVersion(app);
        app.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String path = failed.getCommandSpec().qualifiedName(); // "queuelab brokers check", not just "check"
            failed.getErr()
                    .println(
                            failed.getParent() == null
                                    ? "queuelab: " + e.getMessage() + " (queuelab --help lists the commands)"
                                    : path + ": " + e.getMessage() + " (" + path + " --help lists its options)");
            return CommandLine.ExitCode.USAGE;
        });
        return app;
    }

    /** {@code queuelab bench --version} answers as {@code queuelab --version} does: the modules' commands name none. */
    private static void giveTheBuildsVersion(CommandLine command) {
        command.getCommandSpec().versionProvider(new BuildVersion());
        command.getSubcommands().values().forEach(QueuelabCommand::giveTheBuildsVersion);
    }
}
