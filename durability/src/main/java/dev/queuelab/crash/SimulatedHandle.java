package dev.queuelab.crash;

import dev.queuelab.reference.log.Disk;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * An open file of a {@link SimulatedDisk}: every call is one operation of the disk, counted and told, and dead once
 * the power went out (the next life opens its files again). Closing it forces nothing.
 */
final class SimulatedHandle implements Disk.Handle {

    private final SimulatedDisk disk;
    private final SimulatedFile inode;
    private final Path file;
    private final int life;
    private boolean closed;

    SimulatedHandle(SimulatedDisk disk, SimulatedFile inode, Path file, int life) {
        this.disk = disk;
        this.inode = inode;
        this.file = file;
        this.life = life;
    }

    private SimulatedFile live(String what) {
        if (disk.dead || life != disk.life) {
            throw new SimulatedDisk.PowerCut(what + " " + file.getFileName());
        }
        if (closed) {
            throw new UncheckedIOException("using " + file + " after closing it", new ClosedChannelException());
        }
        return inode;
    }

    @Override
    public long size() {
        synchronized (disk) {
            return live("size of").size();
        }
    }

    @Override
    public void write(ByteBuffer bytes, long position) {
        synchronized (disk) {
            SimulatedFile f = live("write");
            byte[] b = new byte[bytes.remaining()];
            bytes.duplicate().get(b);
            f.write(
                    disk.step(
                            "write bytes " + position + "-" + (position + b.length - 1) + " of " + file.getFileName(),
                            false),
                    position,
                    b);
        }
    }

    @Override
    public ByteBuffer read(long position, int length) {
        synchronized (disk) {
            return ByteBuffer.wrap(live("read").read(position, length));
        }
    }

    @Override
    public void truncate(long size) {
        synchronized (disk) {
            SimulatedFile f = live("truncate");
            if (size < f.size()) {
                f.truncate(disk.step("truncate " + file.getFileName() + " to " + size + " bytes", false), size);
            }
        }
    }

    @Override
    public void force() {
        int covered;
        Consumer<String> hook;
        synchronized (disk) {
            SimulatedFile f = live("force");
            disk.step("force " + file.getFileName(), true);
            covered = f.pendingChanges(); // what was written before the call: later writes race the force
            hook = disk.duringForce;
            disk.duringForce = null;
        }
        if (hook != null) {
            hook.accept(file.getFileName().toString()); // other threads write while this force is in flight
        }
        synchronized (disk) {
            live("finish forcing").forceFirst(covered); // SM1
        }
    }

    @Override
    public void close() {
        synchronized (disk) {
            closed = true; // forces nothing: a close is not a sync
        }
    }
}
