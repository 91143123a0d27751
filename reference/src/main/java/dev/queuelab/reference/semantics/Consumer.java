package dev.queuelab.reference.semantics;

import java.util.List;
import java.util.Optional;

/**
 * A consumer's side of delivery semantics: the order of its effect, its ack and its dedupe mark, one stage
 * per call, so that a crash can come between any two.
 *
 * Teaches: ack before the effect and a crash loses the message (at-most-once); ack after it and a crash
 * repeats the effect (at-least-once); remember the idempotency key in the same local transaction as the effect
 * and the repeat is skipped, for as long as the key is remembered. Marking the key after the effect, in a
 * second step, leaves a crash between them that repeats the effect.
 * Invariants (numbered as in {@link Pipeline}): DL1, DL2 and DL3 as its mode promises.
 * Thread-safety: not thread-safe; {@link Pipeline} calls it from one thread.
 * Real world: a Lambda or a Kafka listener with its DynamoDB or Postgres table of processed keys.
 */
public final class Consumer {

    /** The order of a consumer's stages. */
    public enum Mode {
        ACK_BEFORE_EFFECT(List.of("ack", "effect")),
        ACK_AFTER_EFFECT(List.of("effect", "ack")),
        /** The effect and the dedupe mark in one local transaction, then the ack. */
        IDEMPOTENT(List.of("effect+mark", "ack")),
        /** The effect, then the mark in a transaction of its own, then the ack: a crash between repeats it. */
        MARK_AFTER_EFFECT(List.of("effect", "mark", "ack")),
        /** Kafka read-process-write: output and external effect in a transaction, then offsets and commit. */
        LOG_TRANSACTION(List.of("write+effect", "commit")),
        /** Read-process-write without a transaction: the output is appended, then the offset committed. */
        LOG_WRITE_THEN_COMMIT(List.of("write", "ack"));

        private final List<String> stages;

        Mode(List<String> stages) {
            this.stages = stages;
        }
    }

    private final String name;
    private final Mode mode;
    private final Broker broker;
    private final EffectStore effects;
    private final Optional<? extends DedupeStore> dedupe;
    private final String scope;
    private final boolean scopedDedupe;
    private Broker.Received held;
    private int stage;
    private boolean skipping;

    public Consumer(
            String name, Mode mode, Broker broker, EffectStore effects, Optional<? extends DedupeStore> dedupe) {
        this(name, mode, broker, effects, dedupe, "", true);
    }

    /**
     * A consumer of one subscription ({@code scope}, as "billing"): its effects are recorded as {@code key@scope};
     * its dedupe key is the same when {@code scopedDedupe}, else the message's key alone (DL7).
     */
    public Consumer(
            String name,
            Mode mode,
            Broker broker,
            EffectStore effects,
            Optional<? extends DedupeStore> dedupe,
            String scope,
            boolean scopedDedupe) {
        if ((mode == Mode.IDEMPOTENT || mode == Mode.MARK_AFTER_EFFECT) && dedupe.isEmpty()) {
            throw new IllegalArgumentException("consumer mode " + mode + " needs a dedupe store");
        }
        if ((mode == Mode.LOG_TRANSACTION || mode == Mode.LOG_WRITE_THEN_COMMIT) && !(broker instanceof LogBroker)) {
            throw new IllegalArgumentException("consumer mode " + mode + " needs the log's broker");
        }
        this.name = name;
        this.mode = mode;
        this.broker = broker;
        this.effects = effects;
        this.dedupe = dedupe;
        this.scope = scope;
        this.scopedDedupe = scopedDedupe;
    }

    /** Takes one message, if it holds none. */
    public String receive() {
        if (held != null) {
            return "still holds " + held.key();
        }
        Optional<Broker.Received> got = broker.receive(name);
        if (got.isEmpty()) {
            return "nothing";
        }
        held = got.get();
        stage = 0;
        skipping = false;
        return held.key() + " as " + held.name();
    }

    /** Carries out the next stage for the message it holds; after the last, it holds nothing. */
    public String advance() {
        if (held == null) {
            return "holds nothing";
        }
        String what = mode.stages.get(stage);
        String answer = switch (what) {
            case "ack" -> {
                if (broker.ack(name, held)) {
                    yield "acked " + held.key();
                }
                stage = mode.stages.size() - 1; // the message is another consumer's now: nothing more to do
                yield "ack of " + held.key() + " refused: it is not this consumer's any more";
            }
            case "effect" -> effect(dedupe.isPresent() && dedupe.get().seen(dedupeKey()), "");
            // one local transaction: the key marked unless it was, and the effect only if it was not
            case "effect+mark" -> effect(!dedupe.get().markIfAbsent(dedupeKey()), ", key marked");
            case "mark" -> {
                dedupe.get().mark(dedupeKey());
                yield "marked " + dedupeKey();
            }
            case "write" -> ((LogBroker) broker).write(held);
            case "write+effect" -> ((LogBroker) broker).beginAndWrite(held) + "; " + effect(false, "");
            case "commit" ->
                ((LogBroker) broker).commitWithOffset(held)
                        ? "committed output and offset of " + held.key()
                        : "commit of " + held.key() + " refused";
            default -> throw new IllegalStateException("no stage " + what);
        };
        stage++;
        if (stage == mode.stages.size()) {
            held = null;
        }
        return answer;
    }

    /** The effect, or its skip when the key was seen; {@code then} ends the line (what else the stage did). */
    private String effect(boolean seen, String then) {
        if (seen || skipping) {
            skipping = true;
            return scope.isEmpty()
                    ? "skips " + held.key() + ": key already processed" + then
                    : "skips " + effectKey() + ": key " + dedupeKey() + " already processed" + then;
        }
        effects.record(effectKey(), name);
        return "effect of " + effectKey() + then;
    }

    /** What the effect store records: the message's key, and on a subscription the subscription's name. */
    private String effectKey() {
        return scope.isEmpty() ? held.key() : held.key() + "@" + scope;
    }

    private String dedupeKey() {
        return scopedDedupe ? effectKey() : held.key();
    }

    /** The process dies and restarts: what it held is gone, its stores (outside it) are not. */
    public String crash() {
        String lost =
                held == null ? "held nothing" : "lost its place in " + held.key() + " before " + mode.stages.get(stage);
        held = null;
        broker.crashed(name);
        return lost;
    }

    /** The name of the stage it would carry out next, or empty when it holds nothing. */
    public Optional<String> nextStage() {
        return held == null ? Optional.empty() : Optional.of(mode.stages.get(stage));
    }

    public String name() {
        return name;
    }
}
