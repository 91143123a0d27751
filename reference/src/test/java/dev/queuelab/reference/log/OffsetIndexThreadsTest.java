package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

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
        // the real disk, except that a write of the index after its first entry waits for release
        Disk held = forwarding(Disk.class, (method, args) -> {
            Object answer = method.invoke(Disk.REAL, args);
            if (!method.getName().equals("open")) {
                return answer;
            }
            Disk.Handle real = (Disk.Handle) answer;
            return forwarding(Disk.Handle.class, (m, a) -> {
                if (m.getName().equals("write") && (long) a[1] > 0) { // the drain's batch
                    inWrite.countDown();
                    await(release);
                }
                return m.invoke(real, a);
            });
        });
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

    interface Call {
        Object on(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    /** A {@code type} that answers every call through {@code call}, which may hand it on to the real one. */
    private static <T> T forwarding(Class<T> type, Call call) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    try {
                        return call.on(method, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
