package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Registry;
import dev.queuelab.check.Runner;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.SimClockDriver;
import dev.queuelab.check.Stories;
import dev.queuelab.reference.backpressure.BoundedBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The backpressure binding: the reference buffer under each of its policies ({@code backpressure.reference} blocks
 * the producer; {@code memory}, {@code disk}, {@code refuse-newest} and {@code drop-oldest} are the other responses), and the gallery of buffers held to a
 * promise they do not keep ({@link BufferGallery}). The alarm's listener is the checker's own.
 */
public final class BufferChecks
        implements Binding<BufferConfig, BufferStep, BufferPromise, BufferFactory, BufferEvent> {

    public static final BufferChecks BINDING = new BufferChecks();

    public static final Registry<BufferFactory, BufferPromise> BUFFERS = new Registry<BufferFactory, BufferPromise>(
                    "backpressure", false)
            .add("reference", BoundedBuffer::blocking, BufferPromise.BLOCK)
            .add("memory", BoundedBuffer::inMemory, BufferPromise.MEMORY)
            .add("disk", new DiskBufferFactory(), BufferPromise.DISK)
            .add("refuse-newest", BoundedBuffer::refusingNewest, BufferPromise.DROP)
            .add("drop-oldest", BoundedBuffer::droppingOldest, BufferPromise.DROP);

    static {
        BufferGallery.VARIANTS.forEach(
                v -> BUFFERS.addVariant("gallery." + v.name(), v.factory(), v.promise(), v.expected()));
    }

    private BufferChecks() {}

    @Override
    public String topology() {
        return "backpressure";
    }

    @Override
    public List<BufferProperty> properties() {
        return List.of(BufferProperty.values());
    }

    @Override
    public History<BufferConfig, BufferPromise, BufferEvent> run(
            BufferFactory factory, BufferPromise promise, Scenario<BufferConfig, BufferStep> scenario) {
        return new Runner<BufferConfig, BufferStep, BufferPromise, BufferEvent>(
                        (config, clock) -> new Play(factory, config, clock), SimClockDriver::new)
                .run(scenario, promise);
    }

    @Override
    public Model<BufferEvent> model(History<BufferConfig, BufferPromise, BufferEvent> history) {
        return new BufferModel(history.config(), history.capabilities());
    }

    @Override
    public Stories.Telling telling() {
        return new Stories.Telling("buffer", "C polls until nothing comes", "docs/backpressure.md");
    }

    /** The clients' side of one run: the producer P, the consumer C, the clock, the pager. */
    static final class Play implements Runner.Play<BufferStep, BufferEvent> {
        private final BufferFactory factory;
        private final BufferConfig config;
        private final ClockDriver clock;
        private final List<BufferEvent> events = new ArrayList<>();
        private final List<BufferEvent.Alarm> alarms = new ArrayList<>();
        private Buffer buffer;
        private int step;
        private int offered;
        private String doing = "creating the buffer";

        Play(BufferFactory factory, BufferConfig config, ClockDriver clock) {
            this.factory = factory;
            this.config = config;
            this.clock = clock;
        }

        @Override
        public void create() {
            buffer = factory.make(
                    config,
                    clock.clock(),
                    (raised, depth) -> alarms.add(new BufferEvent.Alarm(step, clock.now(), raised, depth)));
        }

        @Override
        public void perform(BufferStep s) {
            step++;
            if (s instanceof BufferStep.Offer) {
                String m = "m" + (++offered);
                doing = "P offers " + m;
                Offer answer = buffer.offer(m);
                record(new BufferEvent.Offered(step, clock.now(), doing, answer));
            } else if (s instanceof BufferStep.Poll) {
                poll();
            } else if (s instanceof BufferStep.Restart) {
                doing = "the buffer restarts";
                List<Offer> failed = buffer.restart();
                record(new BufferEvent.Restarted(step, clock.now()));
                settled(failed);
            } else if (s instanceof BufferStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new BufferEvent.Clock(step, clock.now(), t.seconds()));
                doing = "the buffer answers waits that timed out";
                settled(buffer.expire());
            }
        }

        private Buffer.Taken poll() {
            doing = "C polls";
            Buffer.Taken taken = buffer.poll();
            record(new BufferEvent.Polled(step, clock.now(), taken.message()));
            settled(taken.admitted());
            return taken;
        }

        private void settled(List<Offer> answers) {
            for (Offer o : answers) {
                events.add(new BufferEvent.Offered(step, clock.now(), "P's wait for " + o.message() + " ends", o));
            }
            flushAlarms();
        }

        private void record(BufferEvent e) {
            events.add(e);
            flushAlarms();
        }

        private void flushAlarms() {
            events.addAll(alarms);
            alarms.clear();
        }

        @Override
        public void drain() {
            for (int round = 0; round < 1000; round++) {
                step++;
                Buffer.Taken taken = poll();
                if (taken.message() == null && taken.admitted().isEmpty()) {
                    break;
                }
            }
        }

        @Override
        public BufferEvent threw(RuntimeException e) {
            return new BufferEvent.Threw(step, clock.now(), doing, e.toString());
        }

        @Override
        public List<BufferEvent> events() {
            return events;
        }
    }
}
