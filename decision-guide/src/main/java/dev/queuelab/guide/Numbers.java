package dev.queuelab.guide;

import java.util.Locale;

/** Numbers as the record prints them: whole numbers with thousands separators, sizes in their largest unit. */
final class Numbers {

    private Numbers() {}

    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        // four decimals keep a p99 of 0.005 s or a payload of 0.2 KiB readable; trailing zeros go
        return String.format(Locale.ROOT, "%,.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A rate in messages per second: whole above 10, else with enough decimals to stay non-zero. */
    static String rate0(double perSecond) {
        if (perSecond >= 10 || perSecond == 0) {
            return plain(Math.floor(perSecond));
        }
        return String.format(Locale.ROOT, "%.2g", perSecond);
    }

    static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, b >= 100 || b == Math.rint(b) ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    /** A rate in decimal units, as vendors state them ("1 MB/s per shard"). */
    static String rate(double bytesPerSecond) {
        String[] units = {"B/s", "kB/s", "MB/s", "GB/s", "TB/s"};
        double b = bytesPerSecond;
        int u = 0;
        while (b >= 1000 && u < units.length - 1) {
            b /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, b >= 100 || b == Math.rint(b) ? "%.0f %s" : "%.1f %s", b, units[u]);
    }

    static String seconds(double s) {
        if (s >= 86_400 && s % 86_400 == 0) {
            return plain(s / 86_400) + (s == 86_400 ? " day" : " days");
        }
        return plain(Math.ceil(s)) + " s";
    }
}
