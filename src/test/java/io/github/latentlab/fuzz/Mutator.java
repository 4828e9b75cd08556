package io.github.latentlab.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Seeded mutations of a genuine file, aimed where readers break: byte flips and "interesting"
 * integers, truncation at structural boundaries (zip headers, JSON brackets, IDX header fields),
 * and, inside containers, mutations of one entry that keep the container valid so the reader gets
 * past its checksums: zip entries dropped, duplicated or rewritten (recursively, for a zip in a
 * zip), gzip contents rewritten, and JSON fields given wrong types, huge or negative numbers,
 * deep nesting, duplicate keys or nothing. The same seed always gives the same case.
 */
public final class Mutator {
    private static final long[] INTERESTING = {0, 1, -1, 255, 256, 65535, 0x7fffffffL, 0x80000000L, 0xffffffffL,
            Long.MAX_VALUE, Long.MIN_VALUE, 784, 28, 1 << 30};
    private final SplittableRandom rnd;
    private final List<String> log = new ArrayList<>();

    public Mutator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    /** What was done, for the report of a failing case. */
    public String description() { return String.join(", ", log); }

    public byte[] mutate(byte[] in) {
        if (isZip(in) && rnd.nextInt(4) != 0) return mutateZip(in);
        if (isGzip(in) && rnd.nextInt(3) != 0) return mutateGzip(in);
        if (looksLikeJson(in) && rnd.nextInt(3) != 0) return mutateJson(in);
        return mutateBytes(in);
    }

    private byte[] mutateBytes(byte[] in) {
        byte[] out = in.clone();
        switch (rnd.nextInt(6)) {
            case 0 -> { // flip a few bytes
                int n = 1 + rnd.nextInt(8);
                for (int i = 0; i < n && out.length > 0; i++) out[rnd.nextInt(out.length)] ^= (byte) (1 + rnd.nextInt(255));
                log.add("flipped " + n + " bytes");
            }
            case 1 -> { // truncate at a structural boundary or anywhere
                List<Integer> cuts = boundaries(in);
                int cut = cuts.isEmpty() || rnd.nextBoolean() ? rnd.nextInt(Math.max(1, in.length)) : cuts.get(rnd.nextInt(cuts.size()));
                out = Arrays.copyOf(in, cut);
                log.add("truncated at " + cut + " of " + in.length);
            }
            case 2 -> { // an interesting integer over 4 or 8 bytes, either byte order
                if (out.length < 8) return out;
                int at = rnd.nextInt(Math.min(out.length - 8, 64) + 1) + (rnd.nextBoolean() ? 0 : rnd.nextInt(out.length - 7));
                at = Math.min(at, out.length - 8);
                long v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                int width = rnd.nextBoolean() ? 4 : 8;
                boolean big = rnd.nextBoolean();
                for (int i = 0; i < width; i++) {
                    int shift = 8 * (big ? width - 1 - i : i);
                    out[at + i] = (byte) (v >>> shift);
                }
                log.add("wrote " + v + " as " + width + " bytes " + (big ? "BE" : "LE") + " at " + at);
            }
            case 3 -> { // insert random bytes
                int at = rnd.nextInt(out.length + 1), n = 1 + rnd.nextInt(64);
                byte[] ins = new byte[n];
                rnd.nextBytes(ins);
                out = concat(Arrays.copyOf(in, at), ins, Arrays.copyOfRange(in, at, in.length));
                log.add("inserted " + n + " bytes at " + at);
            }
            case 4 -> { // duplicate a chunk
                if (in.length < 2) return out;
                int from = rnd.nextInt(in.length), len = 1 + rnd.nextInt(Math.min(4096, in.length - from));
                out = concat(in, Arrays.copyOfRange(in, from, from + len));
                log.add("appended a copy of " + len + " bytes");
            }
            default -> { // zero a run
                if (out.length == 0) return out;
                int from = rnd.nextInt(out.length), len = 1 + rnd.nextInt(Math.min(256, out.length - from));
                Arrays.fill(out, from, from + len, (byte) 0);
                log.add("zeroed " + len + " bytes at " + from);
            }
        }
        return out;
    }

    private byte[] mutateZip(byte[] in) {
        Map<String, byte[]> entries;
        try {
            entries = unzip(in);
        } catch (IOException e) {
            return mutateBytes(in);
        }
        if (entries.isEmpty()) return mutateBytes(in);
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(rnd.nextInt(names.size()));
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        switch (rnd.nextInt(5)) {
            case 0 -> { // drop an entry
                for (var e : entries.entrySet()) if (!e.getKey().equals(name)) out.add(e);
                log.add("dropped entry " + name);
            }
            case 1 -> { // the same entry twice
                out.addAll(entries.entrySet());
                out.add(Map.entry(name, entries.get(name)));
                log.add("duplicated entry " + name);
            }
            case 2 -> { // an entry with a stranger's name
                out.addAll(entries.entrySet());
                String extra = rnd.nextBoolean() ? "preprocessor.bin" : "../../evil.txt";
                out.add(Map.entry(extra, entries.get(name)));
                log.add("added entry " + extra);
            }
            default -> { // mutate one entry's content, keeping the zip valid
                for (var e : entries.entrySet()) {
                    if (e.getKey().equals(name)) {
                        log.add("in entry " + name + ":");
                        out.add(Map.entry(name, mutate(e.getValue())));
                    } else {
                        out.add(e);
                    }
                }
            }
        }
        return zip(out);
    }

    private byte[] mutateGzip(byte[] in) {
        try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(in))) {
            byte[] inner = g.readNBytes(64 << 20);
            log.add("inside gzip:");
            byte[] mutated = mutateBytes(inner);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(mutated);
            }
            return out.toByteArray();
        } catch (IOException e) {
            return mutateBytes(in);
        }
    }

    private byte[] mutateJson(byte[] in) {
        String json = new String(in, StandardCharsets.UTF_8);
        // a value after a key: "key" : VALUE
        Matcher m = Pattern.compile("\"([A-Za-z@]+)\"\\s*:\\s*").matcher(json);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) keys.add(new int[] {m.start(), m.end()});
        if (keys.isEmpty()) return mutateBytes(in);
        int[] k = keys.get(rnd.nextInt(keys.size()));
        int valueEnd = valueEnd(json, k[1]);
        String key = json.substring(k[0], k[1]);
        String replacement = switch (rnd.nextInt(9)) {
            case 0 -> "\"abc\"";
            case 1 -> "-1";
            case 2 -> "2147483648";
            case 3 -> "1e308";
            case 4 -> "null";
            case 5 -> "[" .repeat(3000) + "]".repeat(3000);
            case 6 -> "{\"a\":1,\"a\":2}";
            case 7 -> "99999999999999999999999999";
            default -> "true";
        };
        String out;
        if (rnd.nextInt(6) == 0) { // drop the field entirely
            out = json.substring(0, k[0]) + "\"dropped\" : 0" + json.substring(valueEnd);
            log.add("dropped field " + key.trim());
        } else if (rnd.nextInt(6) == 0) { // the same key twice
            out = json.substring(0, valueEnd) + ", " + key + replacement + json.substring(valueEnd);
            log.add("repeated field " + key.trim());
        } else {
            out = json.substring(0, k[1]) + replacement + json.substring(valueEnd);
            log.add("field " + key.trim() + " := " + (replacement.length() > 20 ? replacement.substring(0, 20) + "…" : replacement));
        }
        return out.getBytes(StandardCharsets.UTF_8);
    }

    /** The end of the JSON value starting at {@code from}: matching brackets, a string, or a scalar. */
    private static int valueEnd(String s, int from) {
        if (from >= s.length()) return from;
        char c = s.charAt(from);
        if (c == '"') {
            int i = from + 1;
            while (i < s.length() && s.charAt(i) != '"') i += s.charAt(i) == '\\' ? 2 : 1;
            return Math.min(s.length(), i + 1);
        }
        if (c == '[' || c == '{') {
            int depth = 0;
            boolean inString = false;
            for (int i = from; i < s.length(); i++) {
                char d = s.charAt(i);
                if (inString) {
                    if (d == '\\') i++;
                    else if (d == '"') inString = false;
                } else if (d == '"') {
                    inString = true;
                } else if (d == '[' || d == '{') {
                    depth++;
                } else if (d == ']' || d == '}') {
                    if (--depth == 0) return i + 1;
                }
            }
            return s.length();
        }
        int i = from;
        while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) i++;
        return i;
    }

    private static List<Integer> boundaries(byte[] in) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i + 3 < in.length && cuts.size() < 4096; i++) {
            if (in[i] == 'P' && in[i + 1] == 'K' && (in[i + 2] == 1 || in[i + 2] == 3 || in[i + 2] == 5)) {
                cuts.add(i);
                cuts.add(i + 4);
            }
            if (in[i] == '{' || in[i] == '[' || in[i] == '}') cuts.add(i);
        }
        for (int i : new int[] {1, 2, 3, 4, 8, 12, 16}) if (i < in.length) cuts.add(i);
        return cuts;
    }

    static boolean isZip(byte[] b) { return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4; }
    static boolean isGzip(byte[] b) { return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b; }

    private static boolean looksLikeJson(byte[] b) {
        for (byte x : b) {
            if (x == ' ' || x == '\n' || x == '\r' || x == '\t') continue;
            return x == '{' || x == '[';
        }
        return false;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) out.put(e.getName(), in.readNBytes(64 << 20));
        }
        return out;
    }

    private static byte[] zip(List<Map.Entry<String, byte[]>> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ZipOutputStream refuses a duplicate name: write it under a same-length stand-in, then
        // patch the stand-in back to the name in the headers (offsets stay valid)
        List<String[]> patches = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Set<String> written = new HashSet<>();
            for (var e : entries) {
                String name = e.getKey();
                if (!written.add(name) && !name.isEmpty()) {
                    String standIn = name.substring(0, name.length() - 1) + '\u0001';
                    patches.add(new String[] {standIn, name});
                    name = standIn;
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = bytes.toByteArray();
        for (String[] p : patches) {
            byte[] from = p[0].getBytes(StandardCharsets.UTF_8), to = p[1].getBytes(StandardCharsets.UTF_8);
            if (from.length != to.length) continue;
            for (int i = 0; i + from.length <= out.length; i++) {
                if (Arrays.equals(out, i, i + from.length, from, 0, from.length)) System.arraycopy(to, 0, out, i, to.length);
            }
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
