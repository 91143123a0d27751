package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.OutboxService;
import dev.queuelab.api.semantics.Publisher;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Registry;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import dev.queuelab.reference.semantics.EffectStore;
import dev.queuelab.reference.semantics.TransactionalOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox binding: an {@link OutboxService} (the reference's, a gallery variant's or a learner's) run as two
 * processes, an app and a relay, over the harness's {@link MemoryDatabase}, each dying before any call it makes;
 * the queue keeps every copy it is given, and the checker compares it with what committed.
 */
public final class RelayChecks implements Binding<RelayTrial, RelayStep, RelayPromise, RelayFactory, RelayEvent> {

    public static final RelayChecks BINDING = new RelayChecks();

    /** The items the app's orders are for, in turn. */
    private static final List<String> ITEMS = List.of("book", "lamp", "kettle", "chair");

    /** How many runs the drain gives a relay to empty the outbox. */
    static final int DRAIN_RUNS = 5;

    public static final Registry<RelayFactory, RelayPromise> OUTBOXES = new Registry<RelayFactory, RelayPromise>(
                    "outbox", false)
            .add("reference", TransactionalOutbox::new, RelayPromise.AT_LEAST_ONCE);

    static {
        RelayGallery.VARIANTS.forEach(
                v -> OUTBOXES.addVariant("gallery." + v.name(), v.factory(), RelayPromise.AT_LEAST_ONCE, v.expected()));
    }

    private RelayChecks() {}

    @Override
    public String topology() {
        return "outbox";
    }

    @Override
    public List<RelayProperty> properties() {
        return List.of(RelayProperty.values());
    }

    @Override
    public History<RelayTrial, RelayPromise, RelayEvent> run(
            RelayFactory factory, RelayPromise promise, Scenario<RelayTrial, RelayStep> scenario) {
        return new Runner<RelayTrial, RelayStep, RelayPromise, RelayEvent>(
                        (trial, clock) -> new Play(factory, clock), SimClockDriver::new)
                .run(scenario, promise);
    }

    @Override
    public Model<RelayEvent> model(History<RelayTrial, RelayPromise, RelayEvent> history) {
        return new RelayModel();
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling(
                "outbox",
                "the relay runs to the end, without a crash, until the outbox has nothing unsent (at most " + DRAIN_RUNS
                        + " runs)",
                "docs/delivery-semantics.md#exercise-19-outbox-relay");
    }

    /** The clients' side of one run: the app and the relay, each a process that may die before any call. */
    static final class Play implements Runner.Play<RelayStep, RelayEvent> {
        private final RelayFactory factory;
        private final ClockDriver clock;
        private final List<RelayEvent> events = new ArrayList<>();
        private final Map<String, OutboxService> live = new HashMap<>();
        private final List<String> received = new ArrayList<>();
        private MemoryDatabase database;
        private int step;
        private int orders;
        private String doing = "creating the database";

        Play(RelayFactory factory, ClockDriver clock) {
            this.factory = factory;
            this.clock = clock;
        }

        @Override
        public void create() {
            database = new MemoryDatabase(clock.clock(), new EffectStore(clock.clock()));
        }

        @Override
        public void perform(RelayStep s) {
            step++;
            clock.advance(Duration.ofSeconds(1));
            if (s instanceof RelayStep.PlaceOrder) {
                String id = "o" + (++orders);
                String item = ITEMS.get((orders - 1) % ITEMS.size());
                run(
                        "app",
                        "app places order " + id + " (" + item + ")",
                        s.crashAt(),
                        (service, db, queue) -> service.placeOrder(id, item, db, queue));
            } else {
                run("relay", "relay runs", s.crashAt(), OutboxService::relay);
            }
        }

        @Override
        public void drain() {
            for (int run = 0; run < DRAIN_RUNS && (run == 0 || database.unsentCount() > 0); run++) {
                step++;
                clock.advance(Duration.ofSeconds(1));
                run("relay", "relay runs", -1, OutboxService::relay);
            }
            step++;
            events.add(new RelayEvent.Read(
                    step, clock.now(), database.committedOrders(), database.committedOutbox(), received));
        }

        @FunctionalInterface
        private interface Body {
            void run(OutboxService service, dev.queuelab.api.semantics.Database database, Publisher queue);
        }

        private void run(String process, String action, int crashAt, Body body) {
            String told = action + (crashAt >= 0 ? ", dying before its call #" + (crashAt + 1) : "");
            doing = told;
            Fuse fuse = new Fuse(crashAt);
            Publisher queue = (messageId, payload) -> {
                fuse.call("publish(" + messageId + ")");
                received.add(messageId);
            };
            OutboxService service = live.computeIfAbsent(process, p -> factory.make());
            try {
                body.run(service, database.session(process, fuse), queue);
            } catch (Fuse.Crash crash) {
                // the process is dead: what it committed stays, the rest is gone with it
            }
            Optional<String> blown = fuse.blownBefore();
            blown.ifPresent(b -> live.remove(process));
            List<String> calls = fuse.passed();
            String answer = (calls.isEmpty() ? "no call" : String.join(", ", calls))
                    + blown.map(b -> "; crashed before " + b + ": restarts").orElse("");
            boolean afterPublish = blown.isPresent() && calls.stream().anyMatch(c -> c.startsWith("publish("));
            events.add(new RelayEvent.Ran(step, clock.now(), process, told, answer, blown.isPresent(), afterPublish));
        }

        @Override
        public RelayEvent threw(RuntimeException e) {
            return new RelayEvent.Threw(step, clock.now(), doing, e.toString());
        }

        @Override
        public List<RelayEvent> events() {
            return events;
        }
    }
}
