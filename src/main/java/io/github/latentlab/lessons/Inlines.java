package io.github.latentlab.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into styled runs: {@code **strong**}, {@code *emphasis*}, {@code `code`} and
 * {@code $math$}; a backslash makes the next character plain, and a marker never closed is plain
 * text (a teacher's typo shows as written instead of failing the lesson).
 */
final class Inlines {
    private Inlines() { }

    static List<Inline> parse(String text) {
        List<Inline> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                plain.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            String marker = text.startsWith("**", i) ? "**" : (c == '*' || c == '`' || c == '$') ? String.valueOf(c) : null;
            int end = marker == null ? -1 : closer(text, marker, i + marker.length());
            if (end < 0) {
                plain.append(c);
                i++;
                continue;
            }
            flush(out, plain);
            out.add(new Inline(text.substring(i + marker.length(), end), style(marker)));
            i = end + marker.length();
        }
        flush(out, plain);
        return out;
    }

    /**
     * Where {@code marker} opened before {@code from} closes, or -1: as in Markdown, the text inside
     * neither starts nor ends with a space ({@code 2 * 3 * 4} stays text), and an escaped marker never closes.
     */
    private static int closer(String text, String marker, int from) {
        if (from >= text.length() || Character.isWhitespace(text.charAt(from))) return -1;
        for (int j = from + 1; j <= text.length() - marker.length(); j++) {
            if (text.charAt(j - 1) == '\\') continue;
            if (text.startsWith(marker, j) && !Character.isWhitespace(text.charAt(j - 1))) return j;
        }
        return -1;
    }

    private static Inline.Style style(String marker) {
        return switch (marker) {
            case "**" -> Inline.Style.STRONG;
            case "*" -> Inline.Style.EMPHASIS;
            case "`" -> Inline.Style.CODE;
            default -> Inline.Style.MATH;
        };
    }

    private static void flush(List<Inline> out, StringBuilder plain) {
        if (!plain.isEmpty()) out.add(new Inline(plain.toString(), Inline.Style.PLAIN));
        plain.setLength(0);
    }
}
