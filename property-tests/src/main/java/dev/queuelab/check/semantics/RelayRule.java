package dev.queuelab.check.semantics;

import dev.queuelab.check.Rule;

/**
 * What an outbox written against {@code dev.queuelab.api.semantics.OutboxService} is held to, judged from outside
 * after a crash anywhere: the committed database against what the queue received. The ids are defined here; the
 * reference that keeps them is {@code TransactionalOutbox}, and on a real Postgres {@code Outbox} (OB1 to OB4).
 */
public final class RelayRule {

    private RelayRule() {}

    public static final Rule MESSAGE_LOST = new Rule(
            "message-lost",
            "RL1 every committed order's message reaches the queue once a relay runs to the end: mark a row sent"
                    + " only after publishing it");

    public static final Rule UNCOMMITTED_PUBLISHED =
            new Rule("uncommitted-published", "RL2 no message reaches the queue whose order did not commit");

    public static final Rule DUPLICATE_PUBLISHED = new Rule(
            "duplicate-published",
            "RL3 a message reaches the queue more than once only when a crash cut a relay between its publish and"
                    + " the commit of its mark (at-least-once: one more copy per such crash, never otherwise)");

    public static final Rule TORN_WRITE =
            new Rule("torn-write", "RL4 an order and its outbox row commit together or not at all");

    public static final Rule OPERATION_FAILED = new Rule(
            "operation-failed",
            "the service places every order and relays without throwing (a crash is the" + " harness's)");
}
