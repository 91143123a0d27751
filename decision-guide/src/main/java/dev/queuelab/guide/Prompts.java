package dev.queuelab.guide;

import java.util.List;

/**
 * What the interactive guide asks, in order: for each answers-file key, the question, why it is asked,
 * and what each option leads to.
 */
final class Prompts {

    record Prompt(String key, String question, String why, List<String> leadsTo) {}

    static final List<Prompt> ALL = List.of(
            new Prompt(
                    "feature",
                    "What are these messages for, in a few words (webhook delivery, thumbnails)?",
                    "The record's title and context name it, so a reader knows which design this is.",
                    List.of()),
            new Prompt(
                    "sync",
                    "Does the caller need the result now, or can the work happen later?",
                    "A queue decouples in time; a caller that waits gains nothing from that.",
                    List.of("sync: no queue, a direct call", "async: a queue or a log carries the work")),
            new Prompt(
                    "shape",
                    "Is this work to distribute, or events to broadcast?",
                    "Work goes to one of many consumers; an event goes to every subscriber.",
                    List.of("distribute: a work queue", "broadcast: pub/sub fan-out")),
            new Prompt(
                    "subscribers",
                    "How many independent subscribers need each message?",
                    "More than one means broadcast.",
                    List.of()),
            new Prompt(
                    "replay",
                    "Must consumers be able to read past messages again?",
                    "Only a log keeps messages after they are consumed.",
                    List.of("true (yes): a partitioned log", "false (no): a queue or pub/sub is enough")),
            new Prompt(
                    "ordering",
                    "Does ordering matter?",
                    "Order costs parallelism: per key, one lane per key; global, one lane for everything.",
                    List.of(
                            "none: full parallelism",
                            "per-key: FIFO groups or key partitions",
                            "global: a single partition")),
            new Prompt(
                    "semantic",
                    "Which delivery semantic?",
                    "Decides whether failures lose messages or repeat them, and what consumers must tolerate.",
                    List.of(
                            "at-most-once: may lose, never repeats",
                            "at-least-once: never loses, may repeat (idempotent consumer)",
                            "exactly-once: only inside a log, or as idempotency")),
            new Prompt(
                    "failure.max-processing-seconds",
                    "Worst-case processing time of one message, in seconds?",
                    "Sets the visibility timeout: shorter than the worst case turns slow jobs into duplicates.",
                    List.of()),
            new Prompt(
                    "failure.max-attempts",
                    "How many attempts before a message counts as poison?",
                    "Sets the receives before the dead-letter queue (3 to 5 is the usual range).",
                    List.of()),
            new Prompt(
                    "failure.poison-expected",
                    "Are some messages expected to fail every time?",
                    "Poison messages need a dead-letter queue and an alarm.",
                    List.of("true: plan for dead letters", "false: failures are transient")),
            new Prompt(
                    "failure.retry-horizon-hours",
                    "For how many hours must a failing message be retried (0: only the attempts matter)?",
                    "A downstream outage of hours or days needs retries spread over it, with backoff.",
                    List.of()),
            new Prompt(
                    "failure.backoff-base-seconds",
                    "The first retry's delay in seconds (doubled for each later one)?",
                    "With the attempts and the horizon, sets the backoff's cap.",
                    List.of()),
            new Prompt(
                    "producer",
                    "Does the producer write its own database and then publish?",
                    "Two writes without one transaction lose or invent events on a crash: an outbox fixes it.",
                    List.of(
                            "publish-only: the message is the only write",
                            "db-then-publish: a database write, then the publish")),
            new Prompt(
                    "producer-kind",
                    "Who produces the messages: the application, a change-data-capture connector, or devices?",
                    "CDC keeps each row's changes in log order; devices retry sends they got no answer for.",
                    List.of(
                            "app: the application's own code sends",
                            "cdc: a connector reads the database's log",
                            "device: devices in the field send")),
            new Prompt(
                    "throughput-per-second", "Peak messages per second?", "Sizes consumers and partitions.", List.of()),
            new Prompt(
                    "payload-kb",
                    "Typical payload size in KiB (decimals allowed: 0.2)?",
                    "Large payloads go by reference (claim check).",
                    List.of()),
            new Prompt(
                    "p99-processing-seconds",
                    "p99 processing time per message, in seconds?",
                    "With the rate, gives the consumers needed (Little's law).",
                    List.of()),
            new Prompt(
                    "consumer-runtime",
                    "Do consumers run as a long-running service or a serverless function?",
                    "Serverless consumers need a visibility timeout of 6x the function timeout.",
                    List.of("service", "function")),
            new Prompt(
                    "platform",
                    "Which platform?",
                    "Chooses the product.",
                    List.of("aws", "gcp", "azure", "self-hosted", "any")),
            new Prompt(
                    "retention-days",
                    "How many days must messages be kept (0: until consumed)?",
                    "Queues keep days; logs keep what you configure.",
                    List.of()),
            new Prompt(
                    "side-effects",
                    "Do side effects leave the system (emails, payments, third-party calls)?",
                    "External effects cannot be rolled back: exactly-once needs idempotency keys.",
                    List.of("external", "internal")),
            new Prompt(
                    "ops-appetite",
                    "Appetite for running brokers yourselves?",
                    "Low favours managed services.",
                    List.of("low", "high")),
            new Prompt(
                    "tenant-fairness",
                    "Do many tenants share these messages, so one tenant's burst must not delay the others?",
                    "Fairness is a setting on some products (SQS fair queues) and a design choice on others.",
                    List.of("true (yes): fair across tenants", "false (no): one stream of work")),
            new Prompt(
                    "latency-budget-seconds",
                    "The longest a message may take from send to its effect, in seconds (0: no budget)?",
                    "Checked against the receive round trip and the p99, and against a retry's first backoff.",
                    List.of()),
            new Prompt(
                    "bulk-load-messages",
                    "Messages that arrive at once in a bulk load, such as a nightly import (0: none)?",
                    "A bulk load drains at the consumers' pace: its last message must not expire first.",
                    List.of()),
            new Prompt(
                    "min-consumer-instances",
                    "The fewest consumer instances to run, for failover (0: the guide's policy of 2)?",
                    "More instances than partitions sit idle, so a log gets at least as many partitions.",
                    List.of()));

    private Prompts() {}
}
