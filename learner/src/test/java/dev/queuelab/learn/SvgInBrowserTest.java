package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.queuelab.check.StoryEvent;
import dev.queuelab.check.draw.Timeline;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code simulate} drawing, and a failing check's story as {@code check N --diagram} draws it, renders in a
 * real browser: Debian's Chromium, started headless by the test, screenshots each SVG, and the picture must not be
 * blank (a blank SVG, drawn the same way, is judged blank, so the judgement can fail). Run with
 * {@code ./mvnw test -Pbrowser -pl learner -am}; where Chromium is missing it fails in one line saying what to
 * install (scripts/install-chromium), never skips. The default build leaves it out: it needs only a JDK.
 */
@Tag("browser")
class SvgInBrowserTest {

    @TempDir
    static Path dir;

    private static String chromium;

    @BeforeAll
    static void findChromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                chromium = candidate;
                return;
            }
        }
        fail("Chromium is not installed: run scripts/install-chromium (Debian's 'apt-get install -y chromium'),"
                + " or leave out -Pbrowser");
    }

    @Test
    void shouldRenderEverySimulateScenarioAsAPictureThatIsNotBlank() throws Exception {
        List<String> blank = new ArrayList<>();
        for (Simulations.Simulation s : Simulations.ALL.values()) {
            Path svg = dir.resolve(s.name() + ".svg");
            Files.writeString(svg, SimulateCommand.render(s, Timeline.Format.SVG));
            long inked = inked(screenshot(svg));
            if (inked < INK) {
                blank.add(s.name() + " (" + inked + " pixels inked)");
            }
        }
        assertThat(blank).as("scenarios whose SVG renders blank in Chromium").isEmpty();
        assertThat(Simulations.ALL).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void shouldRenderAFailingStoryWithItsFaultInRed() throws Exception {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<StoryEvent> story = List.of(
                new StoryEvent(1, t, "P", "P offers m1", "accepted", false),
                new StoryEvent(2, t, "buffer", "the buffer crashes and restarts", "", true),
                new StoryEvent(3, t, "C", "C polls", "nothing", false));
        Path svg = dir.resolve("story.svg");
        Files.writeString(svg, new Timeline("exercise 17: lost at step 3", story).render(Timeline.Format.SVG));
        BufferedImage png = screenshot(svg);
        assertThat(inked(png)).as("the story's picture has ink").isGreaterThanOrEqualTo(INK);
        assertThat(reddish(png)).as("the crash is drawn in red (#c00)").isPositive();
    }

    @Test
    void shouldJudgeABlankSvgBlank() throws Exception {
        Path svg = dir.resolve("blank.svg");
        Files.writeString(
                svg,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\">"
                        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/></svg>\n");
        assertThat(inked(screenshot(svg)))
                .as("a white SVG must be judged blank")
                .isLessThan(INK);
    }

    /** Chromium, headless, draws the file and writes a PNG of it. */
    private static BufferedImage screenshot(Path svg) throws IOException, InterruptedException {
        Path png = dir.resolve(svg.getFileName() + ".png");
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory(dir, "profile-");
        Process p = new ProcessBuilder(
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--window-size=1400,900",
                        "--screenshot=" + png,
                        svg.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(svg.getFileName() + ".log").toFile())
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not draw " + svg.getFileName() + " within 90s");
        }
        assertThat(png)
                .as(
                        "Chromium wrote no screenshot of %s (exit %d): %s",
                        svg.getFileName(), p.exitValue(), Files.readString(dir.resolve(svg.getFileName() + ".log")))
                .exists();
        return ImageIO.read(png.toFile());
    }

    /** How many pixels a picture needs, not near-white, to be more than blank: a line of text has thousands. */
    private static final long INK = 1000;

    /** The pixels that are not near-white. */
    private static long inked(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 200 || g < 200 || b < 200) {
                    inked++;
                }
            }
        }
        return inked;
    }

    private static long reddish(BufferedImage image) {
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    red++;
                }
            }
        }
        return red;
    }
}
