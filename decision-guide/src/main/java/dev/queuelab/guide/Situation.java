package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Semantic;

/**
 * The answers with what the guide decided from them (topology and product): what every rule's predicate
 * reads. Derived facts that several rules share live here, so that two rules cannot disagree on them.
 */
public record Situation(Answers a, Topology topology, Product product) {

    /** Exactly-once holds only where every effect stays inside a transactional log. */
    public boolean exactlyOnceInside() {
        return a.semantic() == Semantic.EXACTLY_ONCE
                && topology == Topology.PARTITIONED_LOG
                && product.transactional()
                && a.context().sideEffects() == Answers.SideEffects.INTERNAL
                && a.producer() == Answers.Producer.PUBLISH_ONLY;
    }

    /** The semantic the design builds for: exactly-once outside a transactional log is at-least-once. */
    public Semantic semantic() {
        if (a.semantic() == Semantic.EXACTLY_ONCE && !exactlyOnceInside()) {
            return Semantic.AT_LEAST_ONCE;
        }
        return a.semantic();
    }

    public boolean queued() {
        return topology != Topology.NONE;
    }

    /** Failed messages go somewhere to be inspected: any stored topology unless loss is accepted. */
    public boolean deadLetters() {
        return (topology.leases() || topology == Topology.PARTITIONED_LOG) && semantic() != Semantic.AT_MOST_ONCE;
    }

    public boolean lambda() {
        return a.context().consumerRuntime() == Answers.Runtime.FUNCTION && product.onAws();
    }

    /** Functions on another cloud: a Pub/Sub push subscription or an Azure Functions trigger, not Lambda. */
    public boolean functionOutsideAws() {
        return a.context().consumerRuntime() == Answers.Runtime.FUNCTION && queued() && !product.onAws();
    }

    public double payloadBytes() {
        return a.context().payloadBytes();
    }

    public boolean payloadOverLimit() {
        Profile p = product.profile();
        Double limit = p.raisedPayloadBytes() != null ? p.raisedPayloadBytes() : p.maxPayloadBytes();
        return queued() && limit != null && payloadBytes() > limit;
    }

    public double smallLog() {
        return Facts.registry().get("guide.small-log").number("messages-per-second");
    }
}
