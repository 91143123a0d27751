package dev.queuelab.reference.pubsub;

/**
 * A text's size in UTF-8 bytes, counted without encoding it: the brokers count a payload once per publish for
 * their byte limits (x-max-length-bytes, client-output-buffer-limit), and an encoded copy only to take its
 * length would be garbage on every publish.
 *
 * <p>Invariant: {@code length(s) == s.getBytes(UTF_8).length} for every string, a lone surrogate included
 * (the encoder writes it as one {@code ?}).
 * Thread-safety: stateless.
 */
public final class Utf8 {

    private Utf8() {}

    public static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4; // a pair: one code point past the BMP
                i++;
            } else {
                n += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return n;
    }
}
