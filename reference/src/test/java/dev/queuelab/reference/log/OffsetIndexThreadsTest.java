package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index a buffered segment shares between two threads: a group commit's drain appends entries from the flush
 * thread, without the log's monitor, while a read looks them up under it. Real threads: a drain is held inside its
 * write to the file, and a lookup from another thread must wait for it to finish, then find what it added.
 */
class OffsetIndexThreadsTest {

    @TempDir
    Path dir;

    @Test
    void shouldHoldALookupWhileADrainIsAppendingEntriesFromAnotherThread() throws Exception {
        CountDownLatch inWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Disk held = new Disk() { // the real disk, except that a write of the index waits for release
                    @Override
                    public Handle open(Path file) {
                        Handle real = Disk.REAL.open(file);
                        return new Handle() {
                            @Override
                            public long size() {
                                return real.size();
                            }

                            @Override
                            public void write(ByteBuffer bytes, long position) {
                                if (position > 0) { // the drain's batch, after the first entry
                                    inWrite.countDown();
                                    await(release);
                                }
                                real.write(bytes, position);
                            }

                            @Override
                            public ByteBuffer read(long position, int length) {
                                return real.read(position, length);
                            }

                            @Override
                            public void truncate(long size) {
                                real.truncate(size);
                            }

                            @Override
                            public void force() {
                                real.force();
                            }

                            @Override
                            public void close() {
                                real.close();
                            }
                        };
                    }

                    @Override
                    public void createDirectories(Path d) {
                        Disk.REAL.createDirectories(d);
                    }

                    @Override
                    public void forceDirectory(Path d) {
                        Disk.REAL.forceDirectory(d);
                    }

                    @Override
                    public void rename(Path from, Path to) {
                        Disk.REAL.rename(from, to);
                    }

                    @Override
                    public void delete(Path file) {
                        Disk.REAL.delete(file);
                    }

                    @Override
                    public List<Path> list(Path d) {
                        return Disk.REAL.list(d);
                    }

                    @Override
                    public boolean exists(Path path) {
                        return Disk.REAL.exists(path);
                    }
                };
        OffsetIndex index = new OffsetIndex(held, dir.resolve("00000000000000000000.index"), 0);
        index.append(0, 0);
        CompletableFuture<Void> drain = CompletableFuture.runAsync(
                () -> index.appendAll(List.of(new long[] {40, 4_096}, new long[] {80, 8_192})));
        assertThat(inWrite.await(10, TimeUnit.SECONDS))
                .as("the drain reached its write")
                .isTrue();
        CompletableFuture<Long> lookup = CompletableFuture.supplyAsync(() -> index.lookup(90));
        try {
            lookup.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("a lookup ran while a drain was appending entries");
        } catch (java.util.concurrent.TimeoutException expected) {
            // held by the index's monitor: what the test is for
        } finally {
            release.countDown();
        }
        drain.get(10, TimeUnit.SECONDS);
        assertThat(lookup.get(10, TimeUnit.SECONDS))
                .as("once the drain is done, the lookup sees every entry it added")
                .isEqualTo(8_192);
        index.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
