package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Every file and directory operation the log on disk makes, and nothing else: the seam where a crash trial puts a
 * simulated disk under the storage, in place of the real one ({@link RealDisk}).
 *
 * Teaches: what a file system promises. A write lands in the page cache; only {@link Handle#force} makes a file's
 * bytes durable, and only {@link #forceDirectory} makes a name created, renamed or deleted in that directory
 * durable. Anything not forced may be lost, torn at a sector boundary, or kept while an earlier write is lost.
 * Invariants (what a caller may rely on, and all it may rely on):
 *   DC1 after {@link Handle#force} returns, a power loss keeps every byte written to that file before the call, and
 *      its size (POSIX fsync);
 *   DC2 after {@link #forceDirectory} returns, a power loss keeps every name created, renamed or deleted in that
 *      directory before the call (fsync of the directory);
 *   DC3 {@link #rename} is atomic: after any crash the target names either its old file or the new one.
 * Thread-safety: implementations are safe to call from many threads.
 * Real world: the system calls under Kafka's FileRecords and LogSegment (pwrite, pread, ftruncate, fsync, rename,
 * unlink, readdir), the surface that ALICE, CrashMonkey and LazyFS intercept to test crash consistency.
 */
public interface Disk {

    /** An open file. Closing it never forces it. */
    interface Handle extends AutoCloseable {

        long size();

        /** Writes the bytes between {@code bytes}' position and limit at {@code position}; the buffer is untouched. */
        void write(ByteBuffer bytes, long position);

        /** Up to {@code length} bytes from {@code position}: fewer at the end of the file. */
        ByteBuffer read(long position, int length);

        void truncate(long size);

        /** DC1: every byte written so far, and the size, survive a power loss once this returns. */
        void force();

        @Override
        void close();
    }

    /** The real file system: {@code FileChannel} and {@code Files}. */
    Disk REAL = new RealDisk();

    /** Opens {@code file} for reading and writing, creating it (empty) if absent. */
    Handle open(Path file);

    /** Creates {@code dir} and any missing parent; a new name lasts only once its parent is forced (DC2). */
    void createDirectories(Path dir);

    /** DC2: every name created, renamed or deleted in {@code dir} survives a power loss once this returns. */
    void forceDirectory(Path dir);

    /** DC3: replaces {@code to} with {@code from}, atomically. */
    void rename(Path from, Path to);

    /** Removes {@code file} if it is there. */
    void delete(Path file);

    /** The files and directories in {@code dir}, by name; empty if there is no such directory. */
    List<Path> list(Path dir);

    boolean exists(Path path);
}
