package dev.queuelab.check.heldout.exchange;

/** Where a binding leads: a queue, or another exchange (an exchange-to-exchange binding). */
record Destination(String name, boolean exchange) {}
