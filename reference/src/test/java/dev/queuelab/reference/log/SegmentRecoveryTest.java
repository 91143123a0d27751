package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery of a segment is a contract of the api: the storage calls whichever one its rules name. */
class SegmentRecoveryTest extends DiskFixture {

    @TempDir
    Path dir;

    /** Rules whose recovery is {@code recovery}, as a learner's plugs in. */
    static DiskRules recoveringWith(SegmentRecovery recovery) {
        return new DiskRules() {
            @Override
            protected SegmentRecovery recovery() {
                return recovery;
            }
        };
    }

    private List<ConsumerRecord> writeAndCrash(int n) throws IOException {
        List<ConsumerRecord> written;
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            for (int i = 0; i < n; i++) {
                log.append(0, record(i));
            }
            written = all(log);
        }
        Files.delete(dir.resolve("t-0").resolve(DiskLogStorage.CLEAN_SHUTDOWN)); // as a crash leaves it
        return written;
    }

    @Test
    void shouldKeepWhatThePluggedRecoveryKeepsWhenItReplacesTheReferences() throws IOException {
        List<ConsumerRecord> written = writeAndCrash(10);
        List<Long> bases = new ArrayList<>();
        SegmentRecovery firstFrameOnly = (segment, baseOffset) -> {
            bases.add(baseOffset);
            return new RecoveredSegment(RecordFrame.HEADER + segment.getInt(0), 1, "only one, to see it obeyed");
        };
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache(), recoveringWith(firstFrameOnly))) {
            assertThat(bases)
                    .as("called once, on the first segment: its cut ends the partition")
                    .containsExactly(0L);
            assertThat(all(log))
                    .as("DS3: the storage keeps what the recovery kept")
                    .isEqualTo(written.subList(0, 1));
            assertThat(log.recovery().get(0).problem()).isEqualTo("only one, to see it obeyed");
        }
    }

    @Test
    void shouldKeepEveryRecordWhenTheReferenceRecoveryReadsAWholeSegment() throws IOException {
        writeAndCrash(5);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(files(dir, ".log").get(0)));
        RecoveredSegment found = DiskRules.REFERENCE.recovery().recover(bytes.asReadOnlyBuffer(), 0);
        assertThat(found).isEqualTo(new RecoveredSegment(bytes.limit(), 5, null));
    }

    @Test
    void shouldRefuseToOpenWhenARecoveryKeepsATornRecord() throws IOException {
        writeAndCrash(5);
        Path segment = files(dir, ".log").get(0);
        Files.write(segment, new byte[] {0, 0, 0, 90, 1, 2, 3}, StandardOpenOption.APPEND);
        SegmentRecovery trustsEveryByte = (bytes, base) -> new RecoveredSegment(bytes.limit(), 6, null);
        assertThatThrownBy(() -> open(dir, FlushPolicy.pageCache(), recoveringWith(trustsEveryByte)))
                .isInstanceOfSatisfying(
                        RecoveryContractException.class,
                        e -> assertThat(e.breach()).isEqualTo(RecoveryContractException.Breach.TORN_KEPT))
                .hasMessageContaining("00000000000000000000.log kept a torn record");
    }

    @Test
    void shouldRefuseToOpenWhenARecoveryKeepsMoreBytesThanTheFileOrMiscounts() throws IOException {
        writeAndCrash(5);
        long size = Files.size(files(dir, ".log").get(0));
        SegmentRecovery past = (bytes, base) -> new RecoveredSegment(bytes.limit() + 10, 5, null);
        assertThatThrownBy(() -> open(dir, FlushPolicy.pageCache(), recoveringWith(past)))
                .isInstanceOfSatisfying(
                        RecoveryContractException.class,
                        e -> assertThat(e.breach()).isEqualTo(RecoveryContractException.Breach.PAST_THE_END))
                .hasMessageContaining("kept " + (size + 10) + " bytes of a file of " + size);
        SegmentRecovery miscounts = (bytes, base) -> new RecoveredSegment(bytes.limit(), 4, null);
        assertThatThrownBy(() -> open(dir, FlushPolicy.pageCache(), recoveringWith(miscounts)))
                .isInstanceOfSatisfying(
                        RecoveryContractException.class,
                        e -> assertThat(e.breach()).isEqualTo(RecoveryContractException.Breach.MISCOUNTED));
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            assertThat(all(log)).as("a refused open changes no file").hasSize(5);
        }
    }
}
