package dev.queuelab.check.draw;

import dev.queuelab.check.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Any topology's history drawn as a timeline: a lane per actor (each event's {@code process()}), one row per
 * event in order, faults marked ({@code fault()}, a throw, or an outcome other than ok). It reads only the
 * engine's generic {@link Event}, so every topology's history, a simulation's or a failing check's, draws
 * the same way: as text for a terminal, as a Mermaid sequence diagram, and as a standalone SVG.
 */
public final class Timeline {

    /** The output formats. */
    public enum Format {
        TEXT,
        MERMAID,
        SVG;

        /** The format a user named ("text", "mermaid", "svg"), or an exception naming the choices. */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--format is '" + name + "': use text, mermaid or svg");
        }
    }

    private static final int LANE = 110;
    private static final int ROW = 22;
    private static final int TOP = 70;

    private final String title;
    private final List<? extends Event> events;
    private final List<String> lanes;

    public Timeline(String title, List<? extends Event> events) {
        this.title = title;
        this.events = List.copyOf(events);
        Set<String> seen = new LinkedHashSet<>();
        events.forEach(e -> seen.add(e.process()));
        this.lanes = List.copyOf(seen);
    }

    public String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case MERMAID -> mermaid();
            case SVG -> svg();
        };
    }

    /** Whether an event is drawn as a fault. */
    public static boolean isFault(Event e) {
        return e.fault() || e.threw() || e.outcome() != dev.queuelab.check.Op.Outcome.OK;
    }

    /** The actors, in order of their first event. */
    public List<String> lanes() {
        return lanes;
    }

    private String text() {
        int width = 2 + lanes.stream().mapToInt(String::length).max().orElse(4);
        StringBuilder out = new StringBuilder(title).append('\n');
        StringBuilder head = new StringBuilder("step  ");
        lanes.forEach(l -> head.append(pad(l, width)));
        out.append(head.toString().stripTrailing()).append('\n');
        for (Event e : events) {
            StringBuilder row = new StringBuilder(pad(String.valueOf(e.step()), 6));
            for (String lane : lanes) {
                row.append(pad(lane.equals(e.process()) ? (isFault(e) ? "X" : "*") : "|", width));
            }
            row.append(isFault(e) ? "FAULT " : "")
                    .append(e.action())
                    .append(" -> ")
                    .append(e.answer());
            out.append(row).append('\n');
        }
        return out.append("(* a call, X a fault: a lost request or answer, a duplicate, a crash)\n")
                .toString();
    }

    private String mermaid() {
        StringBuilder out = new StringBuilder("sequenceDiagram\n");
        out.append("    title ").append(mermaidText(title)).append('\n');
        lanes.forEach(l -> out.append("    participant ")
                .append(id(l))
                .append(" as ")
                .append(mermaidText(l))
                .append('\n'));
        for (Event e : events) {
            out.append("    Note over ")
                    .append(id(e.process()))
                    .append(": ")
                    .append(isFault(e) ? "FAULT " : "")
                    .append(e.step())
                    .append(". ")
                    .append(mermaidText(e.action() + " -> " + e.answer()))
                    .append('\n');
        }
        return out.toString();
    }

    private String svg() {
        // the title wraps at about 110 characters (18 px a line), and the picture is wide enough for its longest
        // line (14 px bold, about 8.5 px a character) and the longest step (12 px monospace, about 7.3 px)
        List<String> titleLines = wrap(title, 110);
        int top = TOP + 18 * (titleLines.size() - 1);
        int longestStep = events.stream()
                .mapToInt(e -> (isFault(e) ? 6 : 0) + (e.step() + ". " + e.action() + " -> " + e.answer()).length())
                .max()
                .orElse(0);
        int longestTitle = titleLines.stream().mapToInt(String::length).max().orElse(0);
        int width = Math.max(
                LANE * lanes.size() + 760,
                Math.max(
                        20 + (int) Math.ceil(longestTitle * 8.5),
                        laneX(lanes.size() - 1) + 50 + (int) Math.ceil(longestStep * 7.3)));
        int height = top + ROW * events.size() + 30;
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append(String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                                + " font-family=\"monospace\" font-size=\"12\">%n",
                        width,
                        height,
                        width,
                        height))
                .append("<title>")
                .append(xml(title))
                .append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < titleLines.size(); i++) {
            out.append(String.format(
                            Locale.ROOT, "<text x=\"10\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">", 20 + 18 * i))
                    .append(xml(titleLines.get(i)))
                    .append("</text>\n");
        }
        for (int i = 0; i < lanes.size(); i++) {
            int x = laneX(i);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                    x,
                    top - 20,
                    x,
                    height - 10));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">", x, top - 26))
                    .append(xml(lanes.get(i)))
                    .append("</text>\n");
        }
        int textX = laneX(lanes.size() - 1) + 30;
        for (int r = 0; r < events.size(); r++) {
            Event e = events.get(r);
            int y = top + ROW * r;
            int x = laneX(lanes.indexOf(e.process()));
            String color = isFault(e) ? "#c00" : "#246";
            out.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>%n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                            + " stroke=\"%s\" stroke-dasharray=\"2,3\"/>%n",
                    x,
                    y,
                    color,
                    x,
                    y,
                    textX - 4,
                    y,
                    color));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">", textX, y + 4, color))
                    .append(xml((isFault(e) ? "FAULT " : "") + e.step() + ". " + e.action() + " -> " + e.answer()))
                    .append("</text>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** Splits text into lines of at most {@code max} characters at spaces (a longer word stands alone). */
    private static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static int laneX(int i) {
        return 60 + LANE * i;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String id(String lane) {
        return "L" + lane.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** Mermaid's statement breakers (';', '#') and line breaks out of a label. */
    private static String mermaidText(String s) {
        return s.replace(";", ",").replace("#", "no. ").replace("\n", " ");
    }

    private static String xml(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
