package dev.queuelab.guide;

/**
 * A jobs table in the application's database, claimed with SELECT ... FOR UPDATE SKIP LOCKED: the claim is renewed
 * with an UPDATE, failed jobs move to a table of their own, and the insert shares the producer's transaction, so
 * the table is its own outbox.
 */
final class JobsTableRules implements ProductRules {

    static final JobsTableRules INSTANCE = new JobsTableRules();

    private JobsTableRules() {}

    @Override
    public String home(Product p) {
        return "self-run";
    }

    @Override
    public String renewCall(Design d) {
        return "UPDATE jobs SET locked_until = now() + the lease WHERE id = the job";
    }

    /** The queue is a table in the same database: the insert is the outbox, and nothing relays it. */
    @Override
    public String producerSide(Design d) {
        return "required: insert the job row in the same database transaction as the write it stems from;"
                + " the jobs table is its own outbox, with no relay to run";
    }

    @Override
    public String deadLetterKept(Design d) {
        return "kept until read; alarm on its depth";
    }
}
