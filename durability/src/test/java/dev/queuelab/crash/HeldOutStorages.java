package dev.queuelab.crash;

import dev.queuelab.reference.log.Disk;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.FileLogSegment;
import dev.queuelab.reference.log.RecordFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Storages broken the way an engineer could break them, written without looking at the disk gallery: each is a
 * {@link DiskSubject} made of the reference with one mistake, either in its rules ({@link DiskRules}) or in the
 * file operations it makes (a {@link Disk} wrapped). They measure whether the generic power-cut trials catch
 * mistakes they were not tuned against.
 */
enum HeldOutStorages {
    FORCE_INDEX_NOT_LOG("forces the index file but never the log file it indexes", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                void force(Path file, Disk.Handle h) {
                    if (!file.toString().endsWith(".log")) {
                        h.force();
                    }
                }
            };
        }
    },
    FORCE_BEFORE_LAST_WRITE("group commit forces the file, then writes the frames it buffered", rules(1)),
    NO_DIRECTORY_FORCE("never fsyncs a directory: new segments, renames and deletes are in the page cache only", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                public void forceDirectory(Path dir) {}
            };
        }
    },
    NO_DIRECTORY_FORCE_ON_NEW_SEGMENT("skips the directory fsync when the only change is a new segment file", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                boolean newSegment;

                @Override
                public Disk.Handle open(Path file) {
                    if (file.toString().endsWith(".log") && !inner.exists(file)) {
                        newSegment = true;
                    }
                    return super.open(file);
                }

                @Override
                public void forceDirectory(Path dir) {
                    if (!newSegment) {
                        inner.forceDirectory(dir);
                    }
                    newSegment = false;
                }
            };
        }
    },
    NO_DIRECTORY_FORCE_AFTER_RENAME(
            "renames a checkpoint over the old one and returns without the directory fsync", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                boolean renamed;

                @Override
                public void rename(Path from, Path to) {
                    inner.rename(from, to);
                    renamed = true;
                }

                @Override
                public void forceDirectory(Path dir) {
                    if (!renamed) {
                        inner.forceDirectory(dir);
                    }
                    renamed = false;
                }
            };
        }
    },
    ACK_BEFORE_FORCE("completes the waiters of a batch when the force starts, not when it returns", rules(2)),
    INDEX_BEFORE_RECORD("writes the index entry, then the record it points to", rules(3)),
    TRUSTS_LENGTH("recovery keeps any frame whose length field fits, without checking its CRC", rules(4)),
    TRUNCATE_WITHOUT_FORCE("recovery cuts a torn tail and appends after it without forcing the cut", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                void truncate(Path file, Disk.Handle h, long size, boolean[] cutPending) {
                    h.truncate(size);
                    cutPending[0] = file.toString().endsWith(".log");
                }

                @Override
                void force(Path file, Disk.Handle h, boolean[] cutPending) {
                    if (!cutPending[0]) {
                        h.force();
                    }
                    cutPending[0] = false;
                }
            };
        }
    },
    CHECKPOINT_IN_PLACE("replaces a checkpoint by rewriting the old file in place, unforced, not by rename", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                public void rename(Path from, Path to) {
                    ByteBuffer bytes;
                    try (Disk.Handle h = inner.open(from)) {
                        bytes = h.read(0, (int) h.size());
                    }
                    try (Disk.Handle h = inner.open(to)) {
                        h.truncate(0);
                        h.write(bytes, 0);
                    }
                    inner.delete(from);
                }
            };
        }
    },
    TEMP_FILE_NOT_FORCED("writes a checkpoint aside and renames it over the old one without forcing it first", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                void force(Path file, Disk.Handle h) {
                    if (!file.toString().endsWith(".tmp")) {
                        h.force();
                    }
                }
            };
        }
    },
    FORCES_OLDEST_SEGMENT_ONLY(
            "a force covers the first segment written since the last one, not a rolled-to one", rules(5)),
    SWALLOWS_FORCE_ERROR("retries nothing and reports success when fsync fails (fsyncgate)", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                void force(Path file, Disk.Handle h) {
                    try {
                        h.force();
                    } catch (RuntimeException ignored) {
                        // logged and forgotten: the caller goes on as if the bytes were durable
                    }
                }
            };
        }
    },
    DELETE_THEN_RENAME("replaces a checkpoint by deleting the old one, syncing, then renaming the new one in", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                @Override
                public void rename(Path from, Path to) {
                    inner.delete(to);
                    inner.forceDirectory(to.getParent());
                    inner.rename(from, to);
                }
            };
        }
    },
    DELETE_NOT_SYNCED(
            "unlinks a file (a segment, the clean-shutdown mark) and never fsyncs the directory after it", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                boolean deleted;

                @Override
                public void delete(Path file) {
                    inner.delete(file);
                    deleted = true;
                }

                @Override
                public void forceDirectory(Path dir) {
                    if (!deleted) {
                        inner.forceDirectory(dir);
                    }
                    deleted = false;
                }
            };
        }
    },
    SEGMENT_DELETE_NOT_SYNCED(
            "unlinks a segment that holds records (a gap recovery cuts, retention) without the directory fsync", null) {
        @Override
        Disk wrap(Disk d) {
            return new Tamper(d) {
                boolean deletedRecords;

                @Override
                public void delete(Path file) {
                    if (file.toString().endsWith(".log") && inner.exists(file)) {
                        try (Disk.Handle h = inner.open(file)) {
                            deletedRecords |= h.size() > 0;
                        }
                    }
                    inner.delete(file);
                }

                @Override
                public void forceDirectory(Path dir) {
                    if (!deletedRecords) {
                        inner.forceDirectory(dir);
                    }
                    deletedRecords = false;
                }
            };
        }
    };

    private final String mistake;
    private final Supplier<DiskRules> rules;

    HeldOutStorages(String mistake, Supplier<DiskRules> rules) {
        this.mistake = mistake;
        this.rules = rules == null ? () -> DiskRules.REFERENCE : rules;
    }

    /** The file operations as this storage makes them, given the simulated disk. */
    Disk wrap(Disk d) {
        return d;
    }

    String mistake() {
        return mistake;
    }

    /** The storage as the trials take it: the name is the constant's, in lower case with dashes. */
    DiskSubject subject() {
        return new DiskSubject(name().toLowerCase().replace('_', '-'), mistake, this::wrap, rules);
    }

    private static Supplier<DiskRules> rules(int which) {
        return () -> switch (which) {
            case 1 ->
                new DiskRules() {
                    @Override
                    protected void drainThenForce(Runnable drain, Runnable force) {
                        force.run();
                        drain.run();
                    }
                };
            case 2 ->
                new DiskRules() {
                    @Override
                    protected boolean acknowledgesBeforeForce() {
                        return true;
                    }
                };
            case 3 ->
                new DiskRules() {
                    @Override
                    protected void appendInOrder(Runnable writeRecord, Runnable writeIndexEntry) {
                        writeIndexEntry.run();
                        writeRecord.run();
                    }
                };
            case 4 ->
                new DiskRules() {
                    @Override
                    protected boolean keeps(RecordFrame.Frame frame) {
                        return frame.status() != RecordFrame.Status.TORN;
                    }
                };
            case 5 ->
                new DiskRules() {
                    @Override
                    protected List<FileLogSegment> toForce(List<FileLogSegment> written) {
                        return written.isEmpty() ? written : written.subList(0, 1);
                    }
                };
            default -> DiskRules.REFERENCE;
        };
    }

    /** The disk as given, every call passed on; a storage's mistake overrides the one call it gets wrong. */
    static class Tamper implements Disk {
        final Disk inner;

        Tamper(Disk inner) {
            this.inner = inner;
        }

        void force(Path file, Disk.Handle h) {
            h.force();
        }

        void force(Path file, Disk.Handle h, boolean[] cutPending) {
            force(file, h);
        }

        void truncate(Path file, Disk.Handle h, long size, boolean[] cutPending) {
            h.truncate(size);
        }

        @Override
        public Handle open(Path file) {
            Handle h = inner.open(file);
            boolean[] cutPending = {false};
            return new Handle() {
                @Override
                public long size() {
                    return h.size();
                }

                @Override
                public void write(ByteBuffer bytes, long position) {
                    h.write(bytes, position);
                }

                @Override
                public ByteBuffer read(long position, int length) {
                    return h.read(position, length);
                }

                @Override
                public void truncate(long size) {
                    Tamper.this.truncate(file, h, size, cutPending);
                }

                @Override
                public void force() {
                    Tamper.this.force(file, h, cutPending);
                }

                @Override
                public void close() {
                    h.close();
                }
            };
        }

        @Override
        public void createDirectories(Path dir) {
            inner.createDirectories(dir);
        }

        @Override
        public void forceDirectory(Path dir) {
            inner.forceDirectory(dir);
        }

        @Override
        public void rename(Path from, Path to) {
            inner.rename(from, to);
        }

        @Override
        public void delete(Path file) {
            inner.delete(file);
        }

        @Override
        public List<Path> list(Path dir) {
            return inner.list(dir);
        }

        @Override
        public boolean exists(Path path) {
            return inner.exists(path);
        }
    }
}
