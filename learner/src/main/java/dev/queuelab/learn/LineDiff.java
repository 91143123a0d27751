package dev.queuelab.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two small texts, line by line (a longest common subsequence: the files are a few hundred
 * lines, so the quadratic table is a few hundred kilobytes at most).
 */
final class LineDiff {

    private static final int CONTEXT = 2;

    private LineDiff() {}

    /** {@code --- a}, {@code +++ b} and the hunks, or an empty list when the texts have the same lines. */
    static List<String> unified(String fromName, String from, String toName, String to) {
        String[] a = from.split("\n", -1);
        String[] b = to.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> edits = new ArrayList<>(); // ' ', '-' or '+' then the line
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                edits.add(" " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                edits.add("+" + b[j++]);
            } else {
                edits.add("-" + a[i++]);
            }
        }
        return hunks(fromName, toName, edits);
    }

    private static List<String> hunks(String fromName, String toName, List<String> edits) {
        List<String> out = new ArrayList<>();
        int k = 0;
        int lineA = 1;
        int lineB = 1;
        while (k < edits.size()) {
            if (edits.get(k).charAt(0) == ' ') {
                k++;
                lineA++;
                lineB++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int quiet = 0;
            while (end < edits.size() && quiet <= 2 * CONTEXT) {
                quiet = edits.get(end).charAt(0) == ' ' ? quiet + 1 : 0;
                end++;
            }
            end -= Math.max(0, quiet - CONTEXT);
            int fromStart = lineA - (k - start);
            int toStart = lineB - (k - start);
            List<String> body = edits.subList(start, end);
            long fromCount = body.stream().filter(l -> l.charAt(0) != '+').count();
            long toCount = body.stream().filter(l -> l.charAt(0) != '-').count();
            if (out.isEmpty()) {
                out.add("--- " + fromName);
                out.add("+++ " + toName);
            }
            out.add("@@ -" + fromStart + "," + fromCount + " +" + toStart + "," + toCount + " @@");
            out.addAll(body);
            for (String l : edits.subList(k, end)) {
                lineA += l.charAt(0) == '+' ? 0 : 1;
                lineB += l.charAt(0) == '-' ? 0 : 1;
            }
            k = end;
        }
        return out;
    }
}
