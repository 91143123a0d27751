package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code queuelab --version} says what Maven built, not a number written by hand. */
class BuildVersionTest {

    @Test
    void shouldPrintTheBuiltVersionWhenAskedForTheVersion() {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new QueuelabCommand())
                .setOut(new PrintWriter(out))
                .execute("--version");
        assertThat(code).isZero();
        assertThat(out.toString())
                .as("the version filtered in by the build, and the Java that runs it: %s", out)
                .containsPattern("queuelab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R")
                .contains("Java " + System.getProperty("java.version"))
                .doesNotContain("${", "unknown");
    }
}
