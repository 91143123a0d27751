package dev.queuelab.api.log.archfixture;

import dev.queuelab.api.workqueue.WorkQueue;

/** Breaks "each topology's api stands alone": a log contract that names the work queue's. A test fixture. */
public class LogContractThatSeesTheWorkQueue {
    public Class<?> leak() {
        return WorkQueue.class;
    }
}
