package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad usage gets one line naming the option and where to read more, and exit 2: no usage text dumped under it. */
class QueuelabCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine app = QueuelabCommand.commandLine();
        app.setErr(new PrintWriter(err, true));
        app.setOut(new PrintWriter(new StringWriter(), true));
        return app.execute(args);
    }

    @Test
    void shouldAnswerAnUnknownOptionInOneLineWithExitTwo() {
        assertThat(run("guide", "--bogus")).isEqualTo(2);
        assertThat(err.toString().strip().lines())
                .containsExactly("queuelab guide: Unknown option: '--bogus' (queuelab guide --help lists its options)");
    }

    @Test
    void shouldNameTheWholeCommandPathOfANestedCommand() {
        assertThat(run("brokers", "check", "kafka", "--bogus")).isEqualTo(2);
        assertThat(err.toString().strip().lines())
                .containsExactly("queuelab brokers check: Unknown option: '--bogus'"
                        + " (queuelab brokers check --help lists its options)");
    }

    @Test
    void shouldNameTheOptionWhenItsValueIsNotANumber() {
        assertThat(run("guide", "--number", "abc")).isEqualTo(2);
        assertThat(err.toString().strip().lines())
                .singleElement()
                .asString()
                .contains("--number", "'abc'", "queuelab guide --help");
    }

    @Test
    void shouldShowTheUsageAndTheVersionOfEveryCommandAskedForThem() {
        List<String> paths = new ArrayList<>();
        collect(QueuelabCommand.commandLine(), paths);
        assertThat(paths).contains("brokers", "brokers check", "brokers diff", "brokers list", "bench", "guide");
        for (String path : paths) {
            StringWriter out = new StringWriter();
            CommandLine app = QueuelabCommand.commandLine();
            app.setOut(new PrintWriter(out, true));
            app.setErr(new PrintWriter(err, true));
            String[] args = (path + " --help").split(" ");
            assertThat(app.execute(args)).as("queuelab %s --help", path).isZero();
            assertThat(out.toString()).as("queuelab %s --help", path).contains("Usage: queuelab " + path);
            StringWriter version = new StringWriter();
            app.setOut(new PrintWriter(version, true));
            assertThat(app.execute((path + " --version").split(" ")))
                    .as("queuelab %s --version", path)
                    .isZero();
            assertThat(version.toString()).as("queuelab %s --version", path).startsWith("queuelab ");
        }
        assertThat(err.toString()).isEmpty();
    }

    /** Every command under {@code parent} as the words that name it, "brokers check" for a nested one. */
    private static void collect(CommandLine parent, List<String> paths) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand || paths.contains(qualified(sub))) {
                continue; // picocli's own help command, and aliases met twice
            }
            paths.add(qualified(sub));
            collect(sub, paths);
        }
    }

    private static String qualified(CommandLine command) {
        return command.getCommandSpec().qualifiedName().substring("queuelab ".length());
    }

    @Test
    void shouldPointAtTheCommandsWhenTheCommandIsUnknown() {
        assertThat(run("gide")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().asString().startsWith("queuelab: ");
    }
}
