package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario openings that reach a rare situation on purpose: random steps reach each of these in under 1% of
 * scenarios, and a check that reaches a situation only by luck proves nothing about it on another seed. A
 * property opens one scenario in three with one of its templates, then goes on with random steps; each
 * template's situation has a coverage label the model sets when it is reached.
 */
final class Templates {

    private Templates() {}

    /** The templates that apply to {@code property} on {@code config}. */
    static List<List<WorkQueueStep>> of(WorkQueueProperty property, WorkQueueConfig config) {
        List<List<WorkQueueStep>> out = new ArrayList<>();
        boolean deadLetters = config.redrive().isPresent();
        switch (property) {
            case ACKS -> out.add(idReusedWhileHeld());
            case VISIBILITY -> {
                out.add(extendedAndGivenBack());
                out.add(extendedLate(config));
            }
            case DEAD_LETTERS -> {
                if (deadLetters) {
                    out.add(redriveIntoABusyLane(config));
                }
            }
            case FIFO -> {
                out.add(severalOfOneGroupInOneReceive());
                out.add(retryInsideTheWindowThenAfterIt(config));
                if (deadLetters) {
                    out.add(redriveIntoABusyLane(config));
                }
            }
            default -> {}
        }
        return out;
    }

    /**
     * Three of g1 waiting, one receive with room for ten: a queue that hands out several of one group (as SQS
     * tries to) must hand them out in order ("fifo: a receive handed out several of one group"; not demanded,
     * since one per group per receive is allowed too).
     */
    static List<WorkQueueStep> severalOfOneGroupInOneReceive() {
        return List.of(
                new WorkQueueStep.Send(1, 0),
                new WorkQueueStep.Send(1, 0),
                new WorkQueueStep.Send(1, 0),
                new WorkQueueStep.Receive("A", 10, -1));
    }

    /**
     * A producer's retries inside the dedup window while the first send is in flight ("dedup: a retry answered
     * duplicate while the first is in flight") and once it is acked ("... acked"), then a new send with the
     * same dedup id once the first send's window is over ("dedup: free after the first send's window, though
     * a retry came inside it").
     */
    static List<WorkQueueStep> retryInsideTheWindowThenAfterIt(WorkQueueConfig config) {
        int half = (int) Math.max(1, (config.dedupWindow().toMillis() + 1_999) / 2_000);
        return List.of(
                new WorkQueueStep.Send(1, 1),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Send(1, 1, WorkQueueStep.Id.RETRY, false),
                new WorkQueueStep.Ack("A", 0),
                new WorkQueueStep.Tick(half),
                new WorkQueueStep.Send(1, 1, WorkQueueStep.Id.RETRY, false),
                new WorkQueueStep.Tick(half),
                new WorkQueueStep.Send(2, 1));
    }

    /**
     * A message dead-lettered, then sent again by a producer that retries it ("dedup: a retry answered
     * duplicate while the first is dead-lettered" on FIFO) and by one that reuses its id ("id: reuse refused
     * while dead-lettered"); a later one of its lane in flight, a redrive into that busy lane ("fifo: redrive
     * into a group with a message in flight"), and an ack before the next receive ("dead letters: ack between
     * a redrive and the next receive"). Each receive gives the message back at once (0 s) until maxReceives is
     * used up; the next one moves it to the dead-letter queue.
     */
    static List<WorkQueueStep> redriveIntoABusyLane(WorkQueueConfig config) {
        List<WorkQueueStep> steps = new ArrayList<>();
        steps.add(new WorkQueueStep.Send(1, 1));
        for (int i = 0; i <= config.maxReceives(); i++) {
            steps.add(new WorkQueueStep.Receive("A", 1, 0)); // the last one dead-letters it
        }
        steps.add(new WorkQueueStep.Observe()); // a receive does not say what it dead-lettered: a look does
        steps.add(new WorkQueueStep.Send(1, 1, WorkQueueStep.Id.RETRY, false));
        steps.add(new WorkQueueStep.Send(1, 0, WorkQueueStep.Id.HELD, false));
        steps.add(new WorkQueueStep.Send(1, 0));
        steps.add(new WorkQueueStep.Receive("B", 1, -1));
        steps.add(new WorkQueueStep.Redrive());
        steps.add(new WorkQueueStep.Ack("B", 0));
        steps.add(new WorkQueueStep.Receive("C", 10, -1));
        return steps;
    }

    /** "visibility: extended" and "visibility: given back", then another consumer gets what was given back. */
    static List<WorkQueueStep> extendedAndGivenBack() {
        return List.of(
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Receive("A", 2, -1),
                new WorkQueueStep.ChangeVisibility("A", 0, 60),
                new WorkQueueStep.ChangeVisibility("A", 1, 0),
                new WorkQueueStep.Receive("B", 1, -1));
    }

    /**
     * A lease extended just before it ends ("visibility: extended late, counted from the change"), then another
     * consumer asks after the extension counted from the receive would have ended, but before the one counted
     * from the change does: a queue that counts from the receive hands the message out under its holder.
     */
    static List<WorkQueueStep> extendedLate(WorkQueueConfig config) {
        int lease = (int) Math.max(1, config.visibilityTimeout().toSeconds());
        return List.of(
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Tick(lease - 1 + (lease == 1 ? 1 : 0)),
                new WorkQueueStep.ChangeVisibility("A", 0, 10),
                new WorkQueueStep.Tick(7),
                new WorkQueueStep.Receive("B", 1, -1));
    }

    /** "id: reuse refused while waiting" and "... in flight": a producer that reuses a business key too soon. */
    static List<WorkQueueStep> idReusedWhileHeld() {
        return List.of(
                new WorkQueueStep.Send(0, 0),
                new WorkQueueStep.Send(0, 0, WorkQueueStep.Id.HELD, false),
                new WorkQueueStep.Receive("A", 1, -1),
                new WorkQueueStep.Send(0, 0, WorkQueueStep.Id.HELD, false));
    }
}
