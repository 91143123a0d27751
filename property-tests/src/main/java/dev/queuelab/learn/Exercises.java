package dev.queuelab.learn;

import static dev.queuelab.check.workqueue.WorkQueueProperty.ACKS;
import static dev.queuelab.check.workqueue.WorkQueueProperty.DEAD_LETTERS;
import static dev.queuelab.check.workqueue.WorkQueueProperty.FIFO;
import static dev.queuelab.check.workqueue.WorkQueueProperty.VISIBILITY;

import java.util.List;
import java.util.stream.Collectors;

/** The exercises in teaching order: each concept stands on the ones before it. */
public final class Exercises {

    public static final List<Exercise> ALL = List.of(
            new Exercise(1, "ex01_acks", "competing consumers and acks", "AckQueue",
                    List.of(ACKS), "docs/work-queue.md#competing-consumers-and-acks",
                    "a message is hidden from others until its deadline; only its latest receipt deletes it (I1, I2, I4)", List.of("receive", "ack")),
            new Exercise(2, "ex02_visibility", "visibility timeout, redelivery and extension", "VisibilityQueue",
                    List.of(VISIBILITY, ACKS), "docs/work-queue.md#visibility-timeout-and-redelivery",
                    "an unacked message comes back at its deadline, and an extension moves the deadline (I2, I3, I4)", List.of("expireLeases", "changeVisibility")),
            new Exercise(3, "ex03_dead_letters", "dead-letter queue and redrive", "DeadLetterQueue",
                    List.of(DEAD_LETTERS, VISIBILITY, ACKS), "docs/work-queue.md#dead-letter-queue-and-redrive",
                    "the receive past maxReceives dead-letters the message; redrive brings it back with a fresh count (I5)", List.of("receive", "redrive")),
            new Exercise(4, "ex04_fifo", "FIFO message groups and the dedup window", "FifoQueue",
                    List.of(FIFO, DEAD_LETTERS, VISIBILITY, ACKS), "docs/work-queue.md#fifo-groups-and-deduplication",
                    "a group goes out in send order without blocking others; a dedup id seen in the window is dropped"
                            + " (I6-I8)", List.of("send", "release")));

    private Exercises() {
    }

    /** The exercise with this number or slug ("2", "ex02_visibility"), or a clear error naming the choices. */
    public static Exercise find(String key) {
        for (Exercise e : ALL) {
            if (String.valueOf(e.number()).equals(key.trim()) || e.slug().equals(key.trim())) {
                return e;
            }
        }
        throw new LearnerException("there is no exercise '" + key + "': use a number from 1 to " + ALL.size()
                + " (" + ALL.stream().map(e -> e.number() + " " + e.slug()).collect(Collectors.joining(", "))
                + "); queuelab exercises lists them");
    }
}
