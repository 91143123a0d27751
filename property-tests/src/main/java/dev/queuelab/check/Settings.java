package dev.queuelab.check;

import java.util.OptionalLong;

/**
 * The engine's knobs, read from system properties so that Maven, the IDE and the command line share them:
 * {@code queuelab.trials} (scenarios per property), {@code queuelab.seed} (replays one run exactly) and
 * {@code queuelab.impl} (the implementation under test).
 *
 * @param trials scenarios per property, at least 1
 * @param seed   the seed given, or empty to use {@link #DEFAULT_SEED}
 * @param impl   the implementation under test, by name
 */
public record Settings(int trials, OptionalLong seed, String impl) {

    public static final int DEFAULT_TRIALS = 300;
    public static final long DEFAULT_SEED = 20_261_127L;

    public Settings {
        if (trials < 1) {
            throw new IllegalArgumentException("queuelab.trials is " + trials + ": use 1 or more");
        }
    }

    public static Settings fromSystemProperties() {
        String trials = blankToNull(System.getProperty("queuelab.trials"));
        String seed = blankToNull(System.getProperty("queuelab.seed"));
        String impl = blankToNull(System.getProperty("queuelab.impl"));
        return new Settings(
                trials == null ? DEFAULT_TRIALS : Math.toIntExact(parse("queuelab.trials", trials)),
                seed == null ? OptionalLong.empty() : OptionalLong.of(parse("queuelab.seed", seed)),
                impl == null ? "reference" : impl);
    }

    public Settings withTrials(int n) {
        return new Settings(n, seed, impl);
    }

    public Settings withSeed(long s) {
        return new Settings(trials, OptionalLong.of(s), impl);
    }

    public Settings withImpl(String name) {
        return new Settings(trials, seed, name);
    }

    /**
     * The seed of one trial. Trial 0 runs the master seed itself, so that a failing trial's seed, given
     * back with {@code -Dqueuelab.trials=1}, replays exactly that trial.
     */
    public long trialSeed(int trial) {
        long master = seed.orElse(DEFAULT_SEED);
        return trial == 0 ? master : mix(master + trial * 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's finaliser: neighbouring trials get unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static long parse(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    key + " is '" + value + "': give a whole number, e.g. -D" + key + "=500");
        }
    }
}
