package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.reference.log.Disk;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated disk keeps what POSIX promises after a power cut, and, over the seeds, every state it allows. */
class SimulatedDiskTest {

    static final Path DIR = Path.of("/d");
    static final Path FILE = DIR.resolve("f");

    static SimulatedDisk withDurableDirectory() {
        SimulatedDisk disk = new SimulatedDisk();
        disk.createDirectories(DIR);
        disk.forceDirectory(Path.of("/"));
        return disk;
    }

    static ByteBuffer bytes(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return ByteBuffer.wrap(b);
    }

    static String after(SimulatedDisk disk, long seed) {
        disk.crash(seed);
        if (!disk.exists(FILE)) {
            return "absent";
        }
        try (Disk.Handle h = disk.open(FILE)) {
            ByteBuffer b = h.read(0, (int) h.size());
            StringBuilder s = new StringBuilder(h.size() + ":");
            for (int i = 0; i < b.limit(); i += 512) {
                s.append(b.get(i));
            }
            return s.toString();
        }
    }

    @Test
    void shouldKeepEveryForcedByteAndNameWhenThePowerGoesOut() {
        for (long seed = 0; seed < 50; seed++) {
            SimulatedDisk disk = withDurableDirectory();
            try (Disk.Handle h = disk.open(FILE)) {
                h.write(bytes(1024, 7), 0);
                h.force();
            }
            disk.forceDirectory(DIR);
            assertThat(after(disk, seed)).as("DC1, DC2: seed %d", seed).isEqualTo("1024:77");
        }
    }

    @Test
    void shouldReachEveryStateAnUnforcedWriteAllowsWhenTheSeedsVary() {
        Set<String> states = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            SimulatedDisk disk = withDurableDirectory();
            try (Disk.Handle h = disk.open(FILE)) {
                h.force();
            }
            disk.forceDirectory(DIR);
            try (Disk.Handle h = disk.open(FILE)) {
                h.write(bytes(1024, 7), 0);
            }
            states.add(after(disk, seed));
        }
        assertThat(states)
                .as("lost, kept, torn at a sector (first half), reordered (second half only, a gap of zeros)")
                .contains("0:", "1024:77", "512:7", "1024:07");
    }

    @Test
    void shouldLoseANewNameWhenItsDirectoryWasNeverForced() {
        Set<String> states = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            SimulatedDisk disk = withDurableDirectory();
            try (Disk.Handle h = disk.open(FILE)) {
                h.write(bytes(512, 1), 0);
                h.force(); // the bytes are durable; the name is not
            }
            states.add(after(disk, seed));
        }
        assertThat(states).contains("absent", "512:1");
    }

    @Test
    void shouldLeaveTheOldFileOrTheNewOneWhenARenameIsCutShort() {
        Set<String> states = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            SimulatedDisk disk = withDurableDirectory();
            for (int version = 1; version <= 2; version++) {
                Path tmp = DIR.resolve("tmp");
                try (Disk.Handle h = disk.open(tmp)) {
                    h.write(bytes(512, version), 0);
                    h.force();
                }
                disk.rename(tmp, FILE);
                if (version == 1) {
                    disk.forceDirectory(DIR);
                }
            }
            states.add(after(disk, seed));
        }
        assertThat(states).as("DC3: never neither, never half").containsExactlyInAnyOrder("512:1", "512:2");
    }

    @Test
    void shouldRefuseEveryCallOnceThePowerIsCutUntilTheCrashIsSettled() {
        SimulatedDisk disk = withDurableDirectory();
        disk.cutPowerAt(disk.operations().size() + 2L);
        try (Disk.Handle h = disk.open(FILE)) { // operation 1: the file is created
            assertThatThrownBy(() -> h.write(bytes(10, 1), 0)).isInstanceOf(SimulatedDisk.PowerCut.class);
            assertThatThrownBy(h::force).isInstanceOf(SimulatedDisk.PowerCut.class);
        }
        assertThatThrownBy(() -> disk.list(DIR)).isInstanceOf(SimulatedDisk.PowerCut.class);
        disk.crash(1);
        assertThat(disk.list(DIR)).hasSizeLessThanOrEqualTo(1);
    }
}
