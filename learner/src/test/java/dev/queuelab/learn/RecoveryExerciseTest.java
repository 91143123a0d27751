package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk gallery's mistakes of recovery, written as a learner would write exercise 9 against the api alone, are
 * caught by the exercise's own check, with a story: what was injected, what was kept, what was served.
 */
class RecoveryExerciseTest {

    @TempDir
    Path root;

    private final Exercise recovery = Exercises.find("9");

    /** Exercise 9's check on {@code source} as the learner's FrameRecovery.java. */
    private CheckResult check(String source) throws IOException {
        ExercisePathTest.copyTree(ExercisePathTest.REPO.resolve("exercises"), root.resolve("exercises"));
        Workspace ws = new Workspace(root);
        Files.writeString(ws.learnerFile(recovery), source);
        List<CheckResult> results = new ExerciseCheck(recovery, "exercise 9", Optional.empty())
                .run(new LearnerCode(ws).compile(recovery, ws.learnerDir(recovery)), ExercisePathTest.SETTINGS);
        return results.get(results.size() - 1);
    }

    @Test
    void shouldServeAFlippedByteAndFailR2WhenTheRecoveryChecksNoCrc() throws IOException {
        CheckResult r = check("""
                package dev.queuelab.exercises.ex09_recovery;

                import dev.queuelab.api.log.RecoveredSegment;
                import dev.queuelab.api.log.SegmentRecovery;
                import java.nio.ByteBuffer;

                /** Whole frames, sane lengths, dense offsets: everything but the CRC (gallery: recovery-without-crc). */
                public class FrameRecovery implements SegmentRecovery {
                    @Override
                    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
                        int position = 0;
                        long due = baseOffset;
                        while (segment.limit() - position >= FRAME_HEADER) {
                            int length = segment.getInt(position);
                            if (length < MIN_BODY || length > MAX_BODY || length > segment.limit() - position - 8
                                    || segment.getLong(position + FRAME_HEADER) != due) {
                                break;
                            }
                            position += FRAME_HEADER + length;
                            due++;
                        }
                        return new RecoveredSegment(position, due - baseOffset, null);
                    }
                }
                """);
        assertThat(r.passed()).as(r.report()).isFalse();
        assertThat(r.anomaly())
                .map(Anomaly::rule)
                .hasValueSatisfying(rule -> assertThat(rule).startsWith("R2"));
        assertThat(r.report())
                .contains("disk/damage FAILED", "one byte flipped", "Injected: ", "Kept: ", "Served: ")
                .contains("./queuelab check 9 --property damage --seed");
    }

    @Test
    void shouldRefuseToOpenAndFailR2WhenTheRecoveryTrustsALengthPastTheEnd() throws IOException {
        CheckResult r = check("""
                package dev.queuelab.exercises.ex09_recovery;

                import dev.queuelab.api.log.RecoveredSegment;
                import dev.queuelab.api.log.SegmentRecovery;
                import java.nio.ByteBuffer;
                import java.util.zip.CRC32C;

                /** Checks the CRC of whole frames, but keeps a frame whose length runs past the end of the file. */
                public class FrameRecovery implements SegmentRecovery {
                    @Override
                    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
                        int position = 0;
                        long due = baseOffset;
                        while (position + FRAME_HEADER <= segment.limit()) {
                            int length = segment.getInt(position);
                            if (length < MIN_BODY || length > MAX_BODY) {
                                break;
                            }
                            if (position + FRAME_HEADER + length > segment.limit()) {
                                return new RecoveredSegment(segment.limit(), due - baseOffset + 1, null);
                            }
                            CRC32C crc = new CRC32C();
                            crc.update(segment.slice(position + FRAME_HEADER, length));
                            if ((int) crc.getValue() != segment.getInt(position + 4)
                                    || segment.getLong(position + FRAME_HEADER) != due) {
                                break;
                            }
                            position += FRAME_HEADER + length;
                            due++;
                        }
                        return new RecoveredSegment(position, due - baseOffset, null);
                    }
                }
                """);
        assertThat(r.passed()).as(r.report()).isFalse();
        assertThat(r.anomaly()).map(Anomaly::name).hasValue("corrupt-kept");
        assertThat(r.report()).contains("R2", "kept a torn record", "the log refused to open");
    }

    @Test
    void shouldLoseTheGoodPrefixAndFailR1WhenTheRecoveryCutsAtTheFirstDoubt() throws IOException {
        CheckResult r = check("""
                package dev.queuelab.exercises.ex09_recovery;

                import dev.queuelab.api.log.RecoveredSegment;
                import dev.queuelab.api.log.SegmentRecovery;
                import java.nio.ByteBuffer;

                /** Trusts nothing: keeps the first frame at most, whatever the rest holds. */
                public class FrameRecovery implements SegmentRecovery {
                    @Override
                    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
                        return new RecoveredSegment(0, 0, "nothing is trusted");
                    }
                }
                """);
        assertThat(r.passed()).as(r.report()).isFalse();
        assertThat(r.anomaly()).map(Anomaly::name).hasValue("lost");
        assertThat(r.report()).contains("R1", "the log ends at 0");
    }
}
