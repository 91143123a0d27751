package dev.queuelab.guide;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as the record prints them: whole numbers with thousands separators, sizes in their largest unit. */
final class Numbers {

    private Numbers() {}

    static String plain(double d) {
        if (d != 0 && Math.abs(d) < 0.00005) {
            // a rate of 1e-9 is not 0: two significant digits, never rounded away
            return new BigDecimal(d)
                    .round(new MathContext(2, RoundingMode.HALF_UP))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) d);
        }
        // four decimals keep a p99 of 0.005 s or a payload of 0.2 KiB readable; trailing zeros go
        return String.format(Locale.ROOT, "%,.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * A rate in messages per second, never overstated (rounded down) and never shown as 0 when it is not: whole
     * from 10 up, two significant digits below, and below one a second also as an interval ("one every 500 s"),
     * which is how a reader pictures a slow key.
     */
    static String perSecond(double perSecond) {
        return perSecond(perSecond, RoundingMode.DOWN);
    }

    /**
     * A peak the design must carry, never understated (rounded up): the mirror of {@link #perSecond(double)}, so
     * a title reads "0.017 msg/s" for a peak of 0.0167, not the "0.016" a capacity would print.
     */
    static String peak(double perSecond) {
        return perSecond(perSecond, RoundingMode.UP);
    }

    private static String perSecond(double perSecond, RoundingMode mode) {
        if (Double.isInfinite(perSecond)) {
            return "an unbounded rate (a p99 of 0 s)";
        }
        if (perSecond >= 10 || perSecond <= 0) {
            double whole = mode == RoundingMode.UP ? Math.ceil(perSecond) : Math.floor(perSecond);
            return plain(Math.max(0, whole)) + " msg/s";
        }
        String rate = BigDecimal.valueOf(perSecond)
                .round(new MathContext(2, mode))
                .stripTrailingZeros()
                .toPlainString();
        if (perSecond >= 1) {
            return rate + " msg/s";
        }
        String every = new BigDecimal(1 / perSecond)
                .round(new MathContext(4, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
        return rate + " msg/s (one every " + plain(Double.parseDouble(every)) + " s)";
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

    /** A count with its noun, singular for one: "1 day", "30 days". */
    static String plural(double n, String noun) {
        return plain(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String seconds(double s) {
        if (s >= 86_400 && s % 86_400 == 0) {
            return plain(s / 86_400) + (s == 86_400 ? " day" : " days");
        }
        return plain(Math.ceil(s)) + " s";
    }

    /** A span as a reader pictures it: "40 s", "23 minutes", "5.2 h", "3 days", never "0 h" for 23 minutes. */
    static String duration(double s) {
        if (s < 120) {
            return plain(Math.floor(s)) + " s";
        }
        if (s < 7_200) {
            return plain(Math.floor(s / 60)) + " minutes";
        }
        if (s < 172_800) {
            return plain(Math.floor(s / 360) / 10) + " h";
        }
        return plain(Math.floor(s / 8_640) / 10) + " days";
    }
}
