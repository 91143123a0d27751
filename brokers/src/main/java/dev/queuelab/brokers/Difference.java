package dev.queuelab.brokers;

import dev.queuelab.check.Anomaly;

/**
 * One known way a broker's answers part from the reference's, and whose the difference is. Judged in two
 * strictnesses: the reference's promise (every anomaly counts) and the product's documentation (an anomaly the
 * documentation allows is the broker's looseness, not a bug).
 *
 * @param broker   "kafka" or "sqs"
 * @param anomaly  the anomaly's name in the kit's vocabulary
 * @param evidence a phrase its evidence must contain, or "" for any
 * @param kind     whose difference it is
 * @param what     the difference in one line
 * @param source   the vendor's page that says so (a link)
 */
public record Difference(String broker, String anomaly, String evidence, Kind kind, String what, String source) {

    /** Whose a difference is; the order is the report's. */
    public enum Kind {
        /** The product's documentation allows it; the reference promises more. */
        DOCUMENTED_LOOSENESS("the broker's documented looseness"),
        /** The broker departs from its vendor's documentation (an emulator is not the product). */
        VENDOR_DEPARTURE("a departure from the vendor's documentation"),
        /** The reference departs from the product where it means to model it, and is being aligned. */
        REFERENCE_BEING_ALIGNED("reference departure, being aligned"),
        /** Both answers are within the contract: the broker chose another allowed answer (diff only). */
        ALLOWED_CHOICE("another allowed answer"),
        /** A step landed within the tolerance of a deadline: the race decided it, not the broker. */
        TIMING("timing-tainted, reported apart"),
        /** No documentation allows it: it would be a real bug, in the broker, the adapter or the model. */
        BUG("would be a real bug");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean matches(String brokerName, Anomaly a) {
        return broker.equals(brokerName)
                && anomaly.equals(a.name())
                && a.evidence().contains(evidence);
    }
}
