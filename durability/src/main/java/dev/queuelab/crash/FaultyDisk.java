package dev.queuelab.crash;

import dev.queuelab.reference.log.Disk;
import dev.queuelab.reference.log.ForwardingDisk;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A storage's file operations with one mistake in them: a force of some files that never happens, a force of some
 * directories that never happens (or only the first time), or a rename that is not atomic. The disk gallery's
 * storages are the reference over one of these.
 */
final class FaultyDisk implements ForwardingDisk {

    /** The mistakes one disk makes. */
    record Mistakes(
            Predicate<Path> skipsForceOf, Predicate<Path> skipsDirectoryForce, boolean firstOnly, Rename rename) {
        static Mistakes none() {
            return new Mistakes(f -> false, d -> false, false, Rename.ATOMIC);
        }
    }

    /** How a rename over an existing file is made. */
    enum Rename {
        ATOMIC,
        /** The target is deleted, then the file renamed: a crash between leaves neither. */
        DELETE_THEN_RENAME,
        /** The new content is written over the target in place: a crash can tear it. */
        IN_PLACE
    }

    private final Disk disk;
    private final Mistakes mistakes;
    private final Set<Path> forcedOnce = new HashSet<>();

    FaultyDisk(Disk disk, Mistakes mistakes) {
        this.disk = disk;
        this.mistakes = mistakes;
    }

    @Override
    public Disk delegate() {
        return disk;
    }

    @Override
    public Handle open(Path file) {
        Handle h = disk.open(file);
        if (!mistakes.skipsForceOf().test(file)) {
            return h;
        }
        return new ForwardingDisk.ForwardingHandle() {
            @Override
            public Handle delegate() {
                return h;
            }

            @Override
            public void force() {
                // the mistake: the force is never made
            }
        };
    }

    @Override
    public synchronized void forceDirectory(Path dir) {
        boolean skip = mistakes.skipsDirectoryForce().test(dir) && (!mistakes.firstOnly() || forcedOnce.add(dir));
        if (!skip) {
            disk.forceDirectory(dir);
        }
    }

    @Override
    public void rename(Path from, Path to) {
        switch (mistakes.rename()) {
            case ATOMIC -> disk.rename(from, to);
            case DELETE_THEN_RENAME -> {
                disk.delete(to);
                disk.rename(from, to);
            }
            case IN_PLACE -> {
                ByteBuffer content;
                try (Handle h = disk.open(from)) {
                    content = h.read(0, (int) h.size());
                }
                try (Handle h = disk.open(to)) {
                    h.truncate(0);
                    h.write(content, 0);
                    h.force();
                }
                disk.delete(from);
            }
            default -> throw new IllegalStateException(mistakes.rename().name());
        }
    }
}
