package dev.queuelab.check.heldout.backpressure;

import dev.queuelab.api.backpressure.AlarmListener;

/**
 * An alarm on a buffer's depth, with hysteresis: raised at a high threshold, cleared only once depth has fallen
 * to a lower one, so that a depth wavering around one threshold does not page someone on every message.
 *
 * Teaches: a depth alarm is the only signal that buffering hides overload; one threshold flaps.
 * Invariants:
 *   AL1 a clear alarm is raised when depth reaches high, and only then;
 *   AL2 a raised alarm clears when depth falls to low, and only then: between low and high it keeps its state.
 * Thread-safety: none; its buffer calls it under the buffer's monitor.
 * Real world: a CloudWatch alarm on ApproximateNumberOfMessagesVisible, RabbitMQ's memory high watermark.
 */
final class DepthAlarm {

    private final int high;
    private final int low;
    private AlarmListener listener;
    private boolean raised;
    private final Slip slip;

    DepthAlarm(int high, int low, AlarmListener listener, Slip slip) {
        this.slip = slip;
        if (low >= high) {
            throw new IllegalArgumentException(
                    "alarm low " + low + " is not below high " + high + ": give low < high for hysteresis");
        }
        this.high = high;
        this.low = low;
        this.listener = listener;
    }

    /** The buffer's depth after a change. */
    public void update(int depth) {
        if (!raised && (slip == Slip.ALARM_RAISED_ABOVE_HIGH ? depth > high : depth >= high)) { // AL1
            raised = true;
            listener.alarm(true, depth);
        } else if (raised && (slip == Slip.ALARM_CLEARS_BELOW_LOW ? depth < low : depth <= low)) { // AL2
            raised = false;
            listener.alarm(false, depth);
        }
    }

    /** Tells {@code next} from now on, instead of the listener before it. */
    public void listener(AlarmListener next) {
        this.listener = next;
    }

    public boolean raised() {
        return raised;
    }
}
