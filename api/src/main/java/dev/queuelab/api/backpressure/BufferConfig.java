package dev.queuelab.api.backpressure;

import java.time.Duration;

/**
 * A buffer's configuration.
 *
 * @param capacity   the bound: how many messages a bounding policy holds at most (at least 1)
 * @param timeout    how long a blocked producer waits for space before it is answered TIMED_OUT
 * @param alarmHigh  the depth at which the alarm is raised (at least 1)
 * @param alarmLow   the depth at which a raised alarm clears (below alarmHigh: the gap is the hysteresis)
 */
public record BufferConfig(int capacity, Duration timeout, int alarmHigh, int alarmLow) {

    public BufferConfig {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is " + capacity + ": a buffer holds at least 1 message");
        }
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout is " + timeout + ": give a duration of zero or more");
        }
        if (alarmHigh < 1 || alarmLow < 0 || alarmLow >= alarmHigh) {
            throw new IllegalArgumentException("alarm thresholds are high " + alarmHigh + ", low " + alarmLow
                    + ": give 0 <= low < high, e.g. high 8, low 4");
        }
    }

    @Override
    public String toString() {
        return "capacity " + capacity + ", timeout " + timeout.toSeconds() + "s, alarm at " + alarmHigh
                + " clearing at " + alarmLow;
    }
}
