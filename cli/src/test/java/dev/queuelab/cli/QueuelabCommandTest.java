package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    void shouldPointAtTheCommandsWhenTheCommandIsUnknown() {
        assertThat(run("gide")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().asString().startsWith("queuelab: ");
    }
}
