package dev.queuelab.reference.archfixture;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Each class breaks "wall-clock reads only in clocks" in one way of its own. Test fixtures, never production code. */
public final class WallClockWaits {

    private WallClockWaits() {}

    public static class SleepsByTimeUnit {
        public void pause() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    public static class ParksForNanos {
        public void pause() {
            LockSupport.parkNanos(1_000);
        }
    }

    public static class ParksOnABlockerForNanos {
        public void pause() {
            LockSupport.parkNanos(this, 1_000);
        }
    }

    public static class WaitsWithATimeout {
        public synchronized void pause() throws InterruptedException {
            wait(10);
        }
    }

    public static class SleepsWithNanos {
        public void pause() throws InterruptedException {
            Thread.sleep(1, 5);
        }
    }

    public static class ReadsAnOffsetDateTime {
        public OffsetDateTime when() {
            return OffsetDateTime.now();
        }
    }

    public static class ReadsAZonedDateTime {
        public ZonedDateTime when() {
            return ZonedDateTime.now();
        }
    }
}
