package dev.queuelab.reference.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@link Disk} of the machine: {@code FileChannel} for files, {@code Files} for names.
 *
 * Teaches: each method is one system call or two; what survives a power loss is the kernel's business, and only
 * forces promise anything (DC1, DC2).
 * Invariants: DC1 to DC3 as the file system keeps them.
 * Thread-safety: a FileChannel may be written, read and forced from many threads at once.
 * Real world: pwrite, pread, ftruncate, fsync, rename(2), unlink, readdir.
 */
final class RealDisk implements Disk {

    /** Reads larger than this are mapped, not copied: a segment may be as large as segment.bytes (1 GiB). */
    private static final int MAP_ABOVE = 1 << 20;

    @Override
    public Handle open(Path file) {
        try {
            return new Channel(
                    file,
                    FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + file, e);
        }
    }

    @Override
    public void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the directory " + dir, e);
        }
    }

    @Override
    public void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; a rename is still atomic there
        }
    }

    @Override
    public void rename(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("renaming " + from + " to " + to, e);
        }
    }

    @Override
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + file, e);
        }
    }

    @Override
    public List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    private record Channel(Path file, FileChannel channel) implements Handle {

        @Override
        public long size() {
            try {
                return channel.size();
            } catch (IOException e) {
                throw new UncheckedIOException("the size of " + file, e);
            }
        }

        @Override
        public void write(ByteBuffer bytes, long position) {
            ByteBuffer b = bytes.duplicate();
            int start = b.position();
            try {
                while (b.hasRemaining()) {
                    channel.write(b, position + b.position() - start);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + file + " at byte " + position, e);
            }
        }

        @Override
        public ByteBuffer read(long position, int length) {
            try {
                int n = (int) Math.max(0, Math.min(length, channel.size() - position));
                if (n > MAP_ABOVE) {
                    return channel.map(FileChannel.MapMode.READ_ONLY, position, n);
                }
                ByteBuffer b = ByteBuffer.allocate(n);
                while (b.hasRemaining() && channel.read(b, position + b.position()) >= 0) {
                    continue;
                }
                return b.flip();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file + " at byte " + position, e);
            }
        }

        @Override
        public void truncate(long size) {
            try {
                channel.truncate(size);
            } catch (IOException e) {
                throw new UncheckedIOException("truncating " + file + " to " + size + " bytes", e);
            }
        }

        @Override
        public void force() {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("forcing " + file, e);
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing " + file, e);
            }
        }
    }
}
