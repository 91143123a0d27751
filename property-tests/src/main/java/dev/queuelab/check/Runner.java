package dev.queuelab.check;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The loop every topology's runner shares: make the implementation, perform each step, drain, and record a
 * throw as the run's last event. A topology supplies the clients' side of one run ({@link Play}): how each of
 * its steps is carried out and recorded, and what its final drain does.
 *
 * @param <C> the topology's configuration
 * @param <S> the topology's steps
 * @param <K> the topology's capabilities record
 * @param <E> the topology's events
 */
public final class Runner<C, S extends ScenarioStep, K, E extends Event> {

    /** The clients' side of one run: it keeps what they hold and records every answer as it came. */
    public interface Play<S, E> {

        /** Makes the implementation under test (it may throw: that is a story too). */
        void create();

        /** Carries out the next step, numbering it itself. */
        void perform(S step);

        /** The checker's final drain, after the last step: what a lost message shows as lost instead of late. */
        void drain();

        /** The event that records a throw in the call under way. */
        E threw(RuntimeException e);

        /** Every event so far, in order. */
        List<E> events();
    }

    /** Starts one run's clients for a configuration, reading time from the clock the implementation reads. */
    @FunctionalInterface
    public interface Plays<C, S, E> {
        Play<S, E> start(C config, ClockDriver clock);
    }

    private final Plays<C, S, E> plays;
    private final Supplier<ClockDriver> clocks;

    public Runner(Plays<C, S, E> plays, Supplier<ClockDriver> clocks) {
        this.plays = plays;
        this.clocks = clocks;
    }

    /** Runs one scenario on a fresh implementation; the capabilities are the harness's, recorded as judged. */
    public History<C, K, E> run(Scenario<C, S> scenario, K capabilities) {
        ClockDriver clock = clocks.get();
        Instant start = clock.now();
        Play<S, E> play = plays.start(scenario.config(), clock);
        List<E> events;
        try {
            play.create();
            for (S s : scenario.steps()) {
                play.perform(s);
            }
            play.drain();
            events = play.events();
        } catch (RuntimeException e) {
            E threw = play.threw(e);
            events = new java.util.ArrayList<>(play.events());
            events.add(threw);
        }
        return History.simulated(
                scenario.config(), capabilities, start, events, scenario.steps().size());
    }
}
