package dev.queuelab.learn;

import picocli.CommandLine.Help.Ansi;

/**
 * How the learner's commands decorate text: colour and Unicode on a terminal, plain ASCII in a pipe, a
 * file or a test (and with {@code --no-color}).
 */
public record Style(boolean color, boolean unicode) {

    public static final Style PLAIN = new Style(false, false);

    public static Style forTerminal(boolean noColor) {
        boolean terminal = System.console() != null;
        return new Style(terminal && !noColor && System.getenv("NO_COLOR") == null, terminal);
    }

    public String good(String text) {
        return paint("bold,green", text);
    }

    public String bad(String text) {
        return paint("bold,red", text);
    }

    public String strong(String text) {
        return paint("bold", text);
    }

    public String faint(String text) {
        return paint("faint", text);
    }

    public String tick() {
        return unicode ? good("✔") : "[x]";
    }

    /** Not done yet: not a failure, so no red. */
    public String pending() {
        return unicode ? faint("○") : "[ ]";
    }

    /** A check's verdict mark. */
    public String pass() {
        return unicode ? good("✔") : "PASS";
    }

    public String fail() {
        return unicode ? bad("✘") : "FAIL";
    }

    /** The engine's stories use a few arrows and marks; outside a terminal they become ASCII. */
    public String text(String story) {
        return unicode
                ? story
                : story.replace("✗", "x").replace("→", "->").replace("✔", "ok").replace("—", "-");
    }

    /** {@code [████░░░░] 2/4}, or {@code [####----] 2/4} without Unicode. */
    public String bar(int done, int total) {
        int width = 20;
        int full = total == 0 ? width : done * width / total;
        String on = (unicode ? "█" : "#").repeat(full);
        String off = (unicode ? "░" : "-").repeat(width - full);
        return "[" + good(on) + off + "] " + done + "/" + total;
    }

    private String paint(String styles, String text) {
        return color ? Ansi.ON.string("@|" + styles + " " + text.replace("|@", "| @") + "|@") : text;
    }
}
