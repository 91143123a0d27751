package dev.queuelab.brokers;

import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab brokers list|check|diff}: the kit's checks against real brokers. */
@Command(
        name = "brokers",
        mixinStandardHelpOptions = true,
        header = "Run the kit's checks against real brokers: Kafka, an SQS API, Redis and RabbitMQ.",
        description = {
            "queuelab starts each broker itself, on loopback, and stops it at the end; give an address to check",
            "your own. Examples:",
            "  queuelab brokers list",
            "  queuelab brokers check sqs",
            "  queuelab brokers check kafka --bootstrap-servers localhost:9092",
            "  queuelab brokers diff kafka --traces 100 --seed 7",
            "  queuelab brokers check redis --redis-url redis://localhost:6379",
            "  queuelab brokers check redis --property broadcast/slow-subscribers",
            "  queuelab brokers check rabbitmq --amqp-uri amqp://guest:guest@localhost:5672"
        },
        subcommands = {BrokersCommand.List.class, BrokersCommand.Check.class, BrokersCommand.Diff.class})
public final class BrokersCommand implements Runnable {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The broker a name stands for, or one line naming the choices. */
    static BrokerTarget target(String name, CommandLine.Model.CommandSpec spec) {
        return Brokers.find(name)
                .orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(),
                        "broker '" + name + "' is not known: use one of " + String.join(", ", Brokers.names())));
    }

    /** The address option given, checked against the broker's own option name. */
    static Optional<String> address(
            BrokerTarget b, String bootstrap, String endpoint, CommandLine.Model.CommandSpec s) {
        if (bootstrap != null && !b.addressOption().equals("--bootstrap-servers")
                || endpoint != null && !b.addressOption().equals("--sqs-endpoint")) {
            throw new CommandLine.ParameterException(
                    s.commandLine(), b.name() + " takes its address with " + b.addressOption());
        }
        return Optional.ofNullable(bootstrap != null ? bootstrap : endpoint);
    }

    /** The address options given, each checked against the broker's own option name; the one given, if any. */
    static Optional<String> address(
            BrokerTarget b, String bootstrap, String endpoint, String redisUrl, CommandLine.Model.CommandSpec s) {
        if (redisUrl != null && !b.addressOption().equals("--redis-url")) {
            throw new CommandLine.ParameterException(
                    s.commandLine(), b.name() + " takes its address with " + b.addressOption());
        }
        Optional<String> other = address(b, bootstrap, endpoint, s);
        return redisUrl != null ? Optional.of(redisUrl) : other;
    }

    /** The --amqp-uri given, refused for a broker that takes its address with another option. */
    static Optional<String> amqpAddress(BrokerTarget b, String amqpUri, CommandLine.Model.CommandSpec s) {
        if (!b.addressOption().equals("--amqp-uri")) {
            throw new CommandLine.ParameterException(
                    s.commandLine(), b.name() + " takes its address with " + b.addressOption());
        }
        return Optional.of(amqpUri);
    }

    /** Runs a broker's work, answering a broker that cannot be reached or an address that is wrong in one line. */
    static int guarded(PrintWriter err, Callable<Integer> work) {
        try {
            return work.call();
        } catch (IllegalArgumentException e) {
            err.println("queuelab brokers: " + e.getMessage());
            return USAGE;
        } catch (BrokerUnavailableException e) {
            err.println("queuelab brokers: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the brokers queuelab can check.")
    static final class List implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (BrokerTarget b : Brokers.ALL) {
                out.printf(
                        "  %-8s %s%n           your own: queuelab brokers check %s %s ADDRESS%n",
                        b.name(), b.about(), b.name(), b.addressOption());
            }
            java.util.List<String> notYet = java.util.stream.Stream.of("RabbitMQ", "Redis")
                    .filter(n ->
                            Brokers.find(n.toLowerCase(java.util.Locale.ROOT)).isEmpty())
                    .toList();
            if (!notYet.isEmpty()) {
                out.println("  " + String.join(" and ", notYet) + (notYet.size() == 1 ? " is" : " are")
                        + " not checked yet (see docs/real-brokers.md).");
            }
            return OK;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            header = "Run the kit's checks on a real broker, in real time.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BROKER", description = "kafka, sqs, redis or rabbitmq")
        String broker;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "check your own Kafka")
        String bootstrap;

        @Option(names = "--sqs-endpoint", paramLabel = "URL", description = "check your own SQS endpoint")
        String endpoint;

        @Option(names = "--redis-url", paramLabel = "URL", description = "check your own Redis: redis://HOST:PORT")
        String redisUrl;

        @Option(
                names = "--amqp-uri",
                paramLabel = "URI",
                description = "check your own RabbitMQ (amqp://user:pass@host:port)")
        String amqpUri;

        @Option(names = "--property", paramLabel = "P", description = "only this property, e.g. work-queue/acks")
        String property;

        @Option(names = "--trials", paramLabel = "N", description = "real-time trials per property")
        Integer trials;

        @Option(names = "--seed", paramLabel = "S", description = "the master seed (replays a trial exactly)")
        Long seed;

        @Override
        public Integer call() {
            BrokerTarget b = target(broker, spec);
            Optional<String> at =
                    amqpUri != null ? amqpAddress(b, amqpUri, spec) : address(b, bootstrap, endpoint, redisUrl, spec);
            int n = trials == null ? b.defaultTrials() : trials;
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--trials is " + n + ": use 1 or more");
            }
            Settings settings =
                    new Settings(n, java.util.OptionalLong.of(seed == null ? Settings.DEFAULT_SEED : seed), b.name());
            PrintWriter out = spec.commandLine().getOut();
            return guarded(spec.commandLine().getErr(), () -> {
                if (property != null) {
                    boolean known = b instanceof RedisTarget
                            ? RedisTarget.hasProperty(property)
                            : (b instanceof RabbitTarget
                                            ? RabbitTarget.SUITE.property(property)
                                            : b instanceof SqsTarget
                                                    ? SqsTarget.SUITE.property(property)
                                                    : KafkaTarget.SUITE.property(property))
                                    .isPresent();
                    if (!known) {
                        throw new IllegalArgumentException("--property '" + property + "' is not one of " + b.name()
                                + "'s: see queuelab brokers check " + b.name());
                    }
                }
                int failed = b.check(at, settings, Optional.ofNullable(property), out);
                out.println(
                        failed == 0
                                ? "brokers check " + b.name() + ": passed (no anomaly that would be a real bug)"
                                : "brokers check " + b.name() + ": " + failed + " propert" + (failed == 1 ? "y" : "ies")
                                        + " failed");
                return failed == 0 ? OK : FAILED;
            });
        }
    }

    @Command(
            name = "diff",
            mixinStandardHelpOptions = true,
            header = "Run the same random traces on the reference and a broker in lock step.")
    static final class Diff implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BROKER", description = "kafka, sqs, redis or rabbitmq")
        String broker;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "diff your own Kafka")
        String bootstrap;

        @Option(names = "--sqs-endpoint", paramLabel = "URL", description = "diff your own SQS endpoint")
        String endpoint;

        @Option(names = "--redis-url", paramLabel = "URL", description = "diff your own Redis: redis://HOST:PORT")
        String redisUrl;

        @Option(
                names = "--amqp-uri",
                paramLabel = "URI",
                description = "diff your own RabbitMQ (amqp://user:pass@host:port)")
        String amqpUri;

        @Option(names = "--traces", paramLabel = "N", defaultValue = "20", description = "random traces (default 20)")
        int traces;

        @Option(names = "--seed", paramLabel = "S", description = "the master seed")
        Long seed;

        @Override
        public Integer call() {
            BrokerTarget b = target(broker, spec);
            Optional<String> at =
                    amqpUri != null ? amqpAddress(b, amqpUri, spec) : address(b, bootstrap, endpoint, redisUrl, spec);
            if (traces < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--traces is " + traces + ": use 1 or more");
            }
            PrintWriter out = spec.commandLine().getOut();
            return guarded(
                    spec.commandLine().getErr(),
                    () -> b.diff(at, traces, seed == null ? Settings.DEFAULT_SEED : seed, out) == 0 ? OK : FAILED);
        }
    }
}
