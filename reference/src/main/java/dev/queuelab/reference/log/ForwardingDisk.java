package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link Disk} that passes every operation to {@link #delegate()}, so a disk that changes one or two of them (a
 * force skipped, a rename made badly, a note of which thread forced) overrides those alone; {@link ForwardingHandle} does the
 * same for an open file.
 *
 * Teaches: a fault is one operation changed, everything else as the disk beneath it does it; the wrapper says
 * which one by being the only method it overrides.
 * Invariants: none of its own: DC1 to DC3 of {@link Disk} hold as far as the overriding methods keep them.
 * Thread-safety: as the delegate.
 * Real world: what fault-injecting file systems do (FoundationDB's simulated files, LazyFS, CharybdeFS): each
 * passes every call through but the ones it is told to break.
 */
public interface ForwardingDisk extends Disk {

    Disk delegate();

    @Override
    default Disk.Handle open(Path file) {
        return delegate().open(file);
    }

    @Override
    default void createDirectories(Path dir) {
        delegate().createDirectories(dir);
    }

    @Override
    default void forceDirectory(Path dir) {
        delegate().forceDirectory(dir);
    }

    @Override
    default void rename(Path from, Path to) {
        delegate().rename(from, to);
    }

    @Override
    default void delete(Path file) {
        delegate().delete(file);
    }

    @Override
    default List<Path> list(Path dir) {
        return delegate().list(dir);
    }

    @Override
    default boolean exists(Path path) {
        return delegate().exists(path);
    }

    /** An open file that passes every operation to {@link #delegate()}. */
    interface ForwardingHandle extends Disk.Handle {

        Disk.Handle delegate();

        @Override
        default long size() {
            return delegate().size();
        }

        @Override
        default void write(ByteBuffer bytes, long position) {
            delegate().write(bytes, position);
        }

        @Override
        default ByteBuffer read(long position, int length) {
            return delegate().read(position, length);
        }

        @Override
        default void truncate(long size) {
            delegate().truncate(size);
        }

        @Override
        default void force() {
            delegate().force();
        }

        @Override
        default void close() {
            delegate().close();
        }
    }
}
