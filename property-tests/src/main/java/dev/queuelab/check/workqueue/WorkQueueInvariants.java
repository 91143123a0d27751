package dev.queuelab.check.workqueue;

/**
 * The work queue's invariants as one pure function over a history: fold the model over every event, then
 * demand conservation after the final drain. The rules and their anomalies are listed in {@link WorkQueueRule}.
 */
final class WorkQueueInvariants {

    private WorkQueueInvariants() {}

    static WorkQueueModel fold(History history) {
        WorkQueueModel model = new WorkQueueModel(
                history.config(), history.start(), history.capabilities().exactStats());
        boolean threw = false;
        for (int i = 0; i < history.events().size(); i++) {
            Event e = history.events().get(i);
            model.apply(e, history.ops().get(i));
            threw |= e instanceof Event.Threw;
        }
        if (!threw) {
            model.finish(
                    history.events().isEmpty()
                            ? 0
                            : history.events().get(history.events().size() - 1).step());
        }
        return model;
    }
}
