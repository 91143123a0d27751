package dev.queuelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code ./queuelab} builds before it runs, judged on the launcher itself in a scratch tree of files whose
 * times the test sets: a stand-in java says when it ran, and a tree with no Maven wrapper shows a build by
 * failing it. The other modules run from their jars on the class path, so a jar older than its module's main
 * sources is stale even when the command line's own stamp is newer than every source (a {@code ./mvnw test} or
 * {@code compile} writes the stamp and packages no jar).
 */
class LauncherStalenessTest {

    private static final long T = 1_700_000_000_000L;

    @TempDir
    Path scratch;

    private Path tree; // a folder whose name has a space, as a user's home may

    private Path source;
    private Path jar;
    private Path stamp;
    private Path fakeJava;

    @BeforeEach
    void lay() throws IOException {
        tree = Files.createDirectories(scratch.resolve("my queuelab"));
        Files.copy(LauncherEndToEndTest.REPO.resolve("queuelab"), tree.resolve("queuelab"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Path module = Files.createDirectories(tree.resolve("brokers"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        source = Files.createDirectories(module.resolve("src/main/java")).resolve("Broker.java");
        Files.writeString(source, "class Broker {}");
        jar = Files.createDirectories(module.resolve("target")).resolve("brokers-0.1.0-SNAPSHOT.jar");
        Files.writeString(jar, "a jar");
        stamp = Files.createDirectories(tree.resolve("cli/target/classes")).resolve("queuelab-build.properties");
        Files.writeString(stamp, "version=0.1.0-SNAPSHOT");
        Files.writeString(tree.resolve("cli/target/classpath.txt"), jar + ":" + tree.resolve("lib/other-1.0.jar"));
        fakeJava = Files.createDirectories(tree.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java ran\"\n");
        assertThat(fakeJava.toFile().setExecutable(true)).isTrue();
        for (Path p : new Path[] {tree.resolve("pom.xml"), module.resolve("pom.xml"), source}) {
            at(p, 0);
        }
    }

    @Test
    void shouldRunWithoutBuildingWhenEveryJarIsNewerThanItsModulesSources() throws Exception {
        at(jar, 10);
        at(stamp, 20);
        assertThat(launch()).contains("java ran").doesNotContain("building the command line");
    }

    @Test
    void shouldBuildWhenAModulesSourceIsNewerThanItsJarThoughOlderThanTheStamp() throws Exception {
        at(jar, 10);
        at(source, 15); // changed after the last package, then a ./mvnw test wrote the stamp
        at(stamp, 20);
        assertThat(launch()).contains("building the command line").doesNotContain("java ran");
    }

    @Test
    void shouldBuildWhenAJarOnTheClassPathIsMissing() throws Exception {
        at(stamp, 20);
        Files.delete(jar);
        assertThat(launch()).contains("building the command line").doesNotContain("java ran");
    }

    @Test
    void shouldBuildWhenASourceIsNewerThanTheStamp() throws Exception {
        at(jar, 10);
        at(stamp, 20);
        at(source, 30);
        assertThat(launch()).contains("building the command line").doesNotContain("java ran");
    }

    private static void at(Path p, int seconds) throws IOException {
        Files.setLastModifiedTime(p, FileTime.fromMillis(T + seconds * 1000L));
    }

    private String launch() throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", tree.resolve("queuelab").toString(), "--version")
                .directory(tree.toFile())
                .redirectErrorStream(true);
        b.environment().put("JAVA_HOME", fakeJava.getParent().getParent().toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
