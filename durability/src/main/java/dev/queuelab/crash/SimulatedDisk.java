package dev.queuelab.crash;

import dev.queuelab.reference.log.Disk;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A file system in memory that keeps, per file, what was written and what was made durable, and per directory,
 * which names were made durable; a power cut keeps exactly what POSIX allows, chosen from a seed.
 *
 * Teaches: what fsync promises, and nothing more. A write reaches the page cache; a force of the file makes its
 * bytes durable (DC1), a force of its directory makes its name durable (DC2). At a {@link #crash}, every write since
 * the file's last force is kept or lost sector by sector (512 bytes: torn, and a later sector may be kept while an
 * earlier one is lost), every unforced truncate is kept or lost, and every unforced name change in a directory is
 * kept or lost as a whole (a rename is atomic, DC3): a new file whose directory was never forced can vanish with
 * its forced bytes.
 * Invariants:
 *   SD1 after a crash, each file holds its durable bytes with some subset of its unforced sector writes and
 *      truncates applied in order, and nothing else (no byte anyone did not write, except zeros in a gap);
 *   SD2 each directory holds its durable names with some subset of its unforced name changes applied in order;
 *   SD3 the subset is a function of the crash's seed: the same run and seed leave the same disk;
 *   SD4 from the {@link #cutPowerAt} operation on, every call throws {@link PowerCut} until {@link #crash}: the
 *      process is dead, and no later write can reach the disk.
 * Thread-safety: every method holds the disk's monitor, except the hook a force runs while it is in flight.
 * Real world: the crash-consistency models of ALICE and CrashMonkey, Jepsen's LazyFS (which loses the page cache
 * of unforced writes), and the simulated storage of FoundationDB and TigerBeetle. It models a POSIX file system,
 * not a device's firmware (a drive that lies about its cache is beyond it).
 */
public final class SimulatedDisk implements Disk {

    /** The machine lost power at this operation: the process that made it is dead. */
    public static final class PowerCut extends RuntimeException {
        PowerCut(String at) {
            super("the power went out at " + at, null, false, false);
        }
    }

    /** One operation the disk saw, numbered from 1, as a story tells it. */
    public record Operation(long number, String text, boolean durablePoint) {}

    /** A directory's names (to an Inode or a Dir), as written and as durable, and the changes not yet forced. */
    private static final class Dir {
        Map<String, Object> names = new TreeMap<>();
        Map<String, Object> durable = new TreeMap<>();
        final List<Map<String, Object>> pending = new ArrayList<>(); // name -> node, or null for removed
        final List<Long> pendingOps = new ArrayList<>();
    }

    private final Dir root = new Dir();
    private final List<Operation> operations = new ArrayList<>();
    private long cutAt = Long.MAX_VALUE;
    private String cutKind;
    private int cutCountdown;
    boolean dead;
    int life;
    Consumer<String> duringForce;

    /** Cuts the power when the {@code n}-th operation (from 1) is about to happen (SD4). */
    public synchronized void cutPowerAt(long n) {
        cutAt = n;
    }

    /** Cuts the power just before the {@code nth} operation from now whose story begins with {@code kind}. */
    public synchronized void cutPowerBefore(String kind, int nth) {
        cutKind = kind;
        cutCountdown = nth;
    }

    /** Runs {@code hook} once, with the file's name, while the next force of a file is in flight. */
    public synchronized void duringNextForce(Consumer<String> hook) {
        duringForce = hook;
    }

    public synchronized List<Operation> operations() {
        return List.copyOf(operations);
    }

    public synchronized boolean powerIsOut() {
        return dead;
    }

    /**
     * The power cut: every unforced change is kept or lost as the seed chooses (SD1 to SD3), open files are gone, and
     * the disk is ready for the next life. Returns what was lost, one line per change, for the story.
     */
    public synchronized List<String> crash(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int mode = r.nextInt(4); // 0: nothing unforced survives, 1: everything does (as kill -9), else: a mix
        List<String> lost = new ArrayList<>();
        settle(root, "", r, mode, lost, new ArrayList<>());
        dead = false;
        cutAt = Long.MAX_VALUE;
        cutKind = null;
        life++;
        duringForce = null;
        return lost;
    }

    /**
     * Damage to the medium between two lives (the power is back, no process runs): {@code change} gets the durable
     * bytes of {@code file} and returns what the device holds instead. Not a crash: a flipped bit, a block written
     * where it should not have been.
     */
    public synchronized void damage(Path file, java.util.function.UnaryOperator<byte[]> change) {
        Dir d = dir(file.getParent(), false);
        if (d != null && d.names.get(file.getFileName().toString()) instanceof SimulatedFile f) {
            f.damage(change);
        }
    }

    /** The durable bytes of {@code file}, or none: what a crash now would leave of it, at the least. */
    public synchronized byte[] durable(Path file) {
        Dir d = dir(file.getParent(), false);
        return d != null && d.names.get(file.getFileName().toString()) instanceof SimulatedFile f
                ? f.durable()
                : new byte[0];
    }

    static boolean keep(SplittableRandom r, int mode) {
        return mode == 1 || mode != 0 && r.nextBoolean();
    }

    private void settle(Dir d, String path, SplittableRandom r, int mode, List<String> lost, List<SimulatedFile> done) {
        Map<String, Object> names = new TreeMap<>(d.durable);
        for (int i = 0; i < d.pending.size(); i++) {
            Map<String, Object> change = d.pending.get(i);
            if (keep(r, mode)) {
                change.forEach((name, node) -> {
                    if (node == null) {
                        names.remove(name);
                    } else {
                        names.put(name, node);
                    }
                });
            } else {
                lost.add("#" + d.pendingOps.get(i) + " lost: the name change " + describe(change) + " in "
                        + (path.isEmpty() ? "/" : path));
            }
        }
        d.names = names;
        d.durable = new TreeMap<>(names);
        d.pending.clear();
        d.pendingOps.clear();
        for (Map.Entry<String, Object> e : names.entrySet()) {
            if (e.getValue() instanceof Dir sub) {
                settle(sub, path + "/" + e.getKey(), r, mode, lost, done);
            } else if (e.getValue() instanceof SimulatedFile f && !done.contains(f)) {
                done.add(f);
                f.settle(path + "/" + e.getKey(), r, mode, lost);
            }
        }
    }

    private static String describe(Map<String, Object> change) {
        List<String> parts = new ArrayList<>();
        change.forEach((name, node) -> parts.add((node == null ? "-" : "+") + name));
        return String.join(" ", parts);
    }

    /** Counts an operation, and cuts the power if it is the one chosen (SD4). */
    long step(String text, boolean durablePoint) {
        if (dead) {
            throw new PowerCut(text);
        }
        long n = operations.size() + 1L;
        if (cutKind != null && text.startsWith(cutKind) && --cutCountdown == 0) {
            cutAt = n;
        }
        if (n >= cutAt) {
            dead = true;
            throw new PowerCut("#" + n + " " + text);
        }
        operations.add(new Operation(n, text, durablePoint));
        return n;
    }

    private Dir dir(Path dir, boolean create) {
        Dir d = root;
        Path at = dir.getRoot() == null ? Path.of("") : dir.getRoot();
        for (Path name : dir) {
            at = at.resolve(name);
            Object next = d.names.get(name.toString());
            if (next == null && create) {
                Dir made = new Dir();
                long op = step("mkdir " + at, false);
                name(d, op, Map.of(name.toString(), made));
                next = made;
            }
            if (!(next instanceof Dir sub)) {
                return null;
            }
            d = sub;
        }
        return d;
    }

    private static void name(Dir d, long op, Map<String, Object> change) {
        change.forEach((name, node) -> {
            if (node == null) {
                d.names.remove(name);
            } else {
                d.names.put(name, node);
            }
        });
        d.pending.add(change);
        d.pendingOps.add(op);
    }

    private Dir parent(Path file) {
        Dir d = dir(file.getParent(), false);
        if (d == null) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(file.toString()));
        }
        return d;
    }

    @Override
    public synchronized Handle open(Path file) {
        if (dead) {
            throw new PowerCut("open " + file);
        }
        Dir d = parent(file);
        Object node = d.names.get(file.getFileName().toString());
        if (node == null) {
            node = new SimulatedFile();
            name(d, step("create " + file, false), Map.of(file.getFileName().toString(), node));
        }
        return new SimulatedHandle(this, (SimulatedFile) node, file, life);
    }

    @Override
    public synchronized void createDirectories(Path dir) {
        dir(dir, true);
    }

    @Override
    public synchronized void forceDirectory(Path dir) {
        Dir d = dir(dir, false);
        step("force the directory " + dir, true);
        if (d != null) {
            d.durable = new TreeMap<>(d.names);
            d.pending.clear();
            d.pendingOps.clear();
        }
    }

    @Override
    public synchronized void rename(Path from, Path to) {
        Dir d = parent(from);
        Object node = d.names.get(from.getFileName().toString());
        if (node == null || !from.getParent().equals(to.getParent())) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(from + " (or " + to + ")"));
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(from.getFileName().toString(), null);
        change.put(to.getFileName().toString(), node);
        name(d, step("rename " + from.getFileName() + " to " + to, false), change);
    }

    @Override
    public synchronized void delete(Path file) {
        Dir d = dir(file.getParent(), false);
        if (d != null && d.names.containsKey(file.getFileName().toString())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put(file.getFileName().toString(), null);
            name(d, step("delete " + file, false), change);
        }
    }

    @Override
    public synchronized List<Path> list(Path dir) {
        if (dead) {
            throw new PowerCut("list " + dir);
        }
        Dir d = dir(dir, false);
        return d == null
                ? List.of()
                : d.names.keySet().stream().map(dir::resolve).toList();
    }

    @Override
    public synchronized boolean exists(Path path) {
        if (dead) {
            throw new PowerCut("look up " + path);
        }
        Dir d = path.getParent() == null ? root : dir(path.getParent(), false);
        return d != null
                && (path.getFileName() == null
                        || d.names.containsKey(path.getFileName().toString()));
    }
}
