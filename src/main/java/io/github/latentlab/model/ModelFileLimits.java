package io.github.latentlab.model;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.util.regex.Pattern;

import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;

/**
 * Reading parts of a model file with limits set by what the format can need, so a small file
 * that inflates to gigabytes (a zip bomb) is refused after at most the limit, never buffered.
 */
public final class ModelFileLimits {
    private ModelFileLimits() { }

    /** All of {@code in}, or a refusal naming {@code entry} once more than {@code limit} bytes come out. */
    public static byte[] readAtMost(InputStream in, long limit, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            total += r;
            if (total > limit) {
                throw refused(Message.of("model.error.tooLarge", entry, limit));
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    /** A refusal of what a file holds, in words for the user. */
    static IllegalArgumentException refused(Message problem) {
        return new Problems.BadArgument(problem);
    }

    /** A name or word from a file, cut to {@code max} characters so a crafted one cannot flood a message. */
    public static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static final Pattern UNHELPFUL = Pattern.compile(
            "\\bnull\\b|\\b[A-Z]\\w*(Exception|Error)\\b|Cannot invoke|\\bat \\[Source");

    /**
     * A library exception's message made fit for a user: its first line when that says something,
     * else what kind of damage it means; never "null", a class name or a parser's internals.
     */
    public static Message reason(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        if (!m.isEmpty() && !UNHELPFUL.matcher(m).find()) {
            if (e instanceof Message.Carrier c && c.userMessage() != null && m.equals(e.getMessage()) && m.length() <= 200) {
                return c.userMessage(); // our own words, whole
            }
            return Message.of("plain.text", m.length() > 200 ? m.substring(0, 200) + "…" : m);
        }
        if (e instanceof EOFException) return Message.of("model.error.reason.endsEarly");
        if (e instanceof IndexOutOfBoundsException || e instanceof BufferUnderflowException) {
            return Message.of("model.error.reason.outside");
        }
        return Message.of("model.error.reason.inconsistent");
    }
}
