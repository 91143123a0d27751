package dev.queuelab.check.recipe;

import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The tally's properties: one that counts and reads, and one that demands what it can never reach. */
enum TallyProperty implements Property<Tally.Config, TallyStep, Tally.Capabilities> {
    COUNTS("counts", Map.of("read after three increments", 0.2)),
    /** Reads only at the start: its demand can never be met, so a correct tally still fails it on coverage. */
    UNREACHABLE("unreachable", Map.of("read after three increments", 0.2));

    private final String id;
    private final Map<String, Double> coverage;

    TallyProperty(String id, Map<String, Double> coverage) {
        this.id = id;
        this.coverage = coverage;
    }

    @Override
    public String topology() {
        return "tally";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/engine.md";
    }

    @Override
    public boolean appliesTo(Tally.Capabilities capabilities) {
        return capabilities.reads();
    }

    @Override
    public Scenario<Tally.Config, TallyStep> generate(long seed, Tally.Capabilities capabilities) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TallyStep> steps = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            boolean read = this == UNREACHABLE ? i < 2 : random.nextInt(3) == 0;
            steps.add(read ? new TallyStep.Read() : new TallyStep.Increment());
        }
        return new Scenario<>(new Tally.Config(random.nextInt(3)), steps);
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    @Override
    public List<Tally.Config> simpler(Tally.Config config) {
        return config.start() == 0 ? List.of() : List.of(new Tally.Config(0));
    }
}
