package dev.queuelab.guide;

import java.util.List;

/**
 * Whether the answered requirements can be met at all, with the arithmetic that says so: lane capacity
 * against the rate, payload and retention against the product's limits, consumer runtime limits, leases.
 * A failed check makes the record's verdict {@link Verdict#INFEASIBLE}; its fix is the nearest design that
 * works. Warnings are risks a setting handles (renew a lease, raise a limit); infos show the arithmetic.
 *
 * @param verdict feasible unless a check failed
 * @param checks  every check that applied, in order
 * @param nearest the fixes of the failed checks: the nearest design that works
 */
public record Feasibility(Verdict verdict, List<Check> checks, List<String> nearest) {

    public enum Verdict implements Choice {
        FEASIBLE,
        INFEASIBLE;

        public String word() {
            return name().toLowerCase();
        }
    }

    public enum Status {
        OK,
        WARN,
        FAIL
    }

    /** @param fix what to change so that the check passes; null when it passes */
    public record Check(String id, Status status, String detail, String fix) {
        static Check ok(String id, String detail) {
            return new Check(id, Status.OK, detail, null);
        }
    }

    static Feasibility of(List<Check> checks) {
        List<String> fixes = checks.stream()
                .filter(c -> c.status() == Status.FAIL)
                .map(Check::fix)
                .toList();
        return new Feasibility(fixes.isEmpty() ? Verdict.FEASIBLE : Verdict.INFEASIBLE, List.copyOf(checks), fixes);
    }

    public boolean feasible() {
        return verdict == Verdict.FEASIBLE;
    }
}
