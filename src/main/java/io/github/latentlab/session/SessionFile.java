package io.github.latentlab.session;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.github.latentlab.model.ModelFileLimits;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.StrictJson;

/**
 * A session as one zip file ({@code NAME.llsession}): {@code session.json} (every setting, and
 * the exact size of each payload), {@code layout.f64} (the map's points, x y little-endian
 * float64), and, when carried, {@code model.llab}, {@code model.timeline} and {@code lesson.md}
 * as they were on disk. Written atomically. Read as a hostile file: only these entries, each at
 * most once and exactly the size the JSON gives (checked against a cap before anything is read),
 * every field type- and range-checked; a wrong one is refused with a {@link SessionFileException}.
 * The carried model and timeline are not opened here: the app writes them to a folder and opens
 * them with its own readers, which treat them as hostile files too.
 */
public final class SessionFile {
    public static final String EXTENSION = ".llsession";
    public static final int VERSION = 1;
    /** The carried files keep their own extensions, so an unzipped session opens as they did. */
    static final String JSON = "session.json", LAYOUT = "layout.f64", MODEL = "model" + ModelStore.EXTENSION,
            TIMELINE = "model" + TimelineFile.EXTENSION, LESSON = "lesson" + SessionLesson.EXTENSION;
    private static final List<String> ENTRIES = List.of(JSON, LAYOUT, MODEL, TIMELINE, LESSON);
    private static final int MAX_JSON_BYTES = 4 << 20;
    /** Counted before any name is looked at, so a zip of thousands of entries is refused at once. */
    private static final int MAX_ENTRIES = 8 + SessionLesson.MAX_PICTURES;
    /**
     * A model file and a timeline are zips of float data already, which deflate hardly shrinks
     * again; one that unpacks to more than 32 times its packed size (plus a little, for tiny ones)
     * is a zip bomb, refused before it can fill memory: a carried model of the 512 MiB cap then
     * needs a file of at least 16 MiB.
     */
    private static final long MAX_RATIO = 32, PACKED_SLACK = 64 << 10;
    /** Text and coordinates, which deflate may well shrink further; they are small whatever they unpack to. */
    private static final Set<String> ENTRIES_THAT_SHRINK = Set.of(JSON, LAYOUT, LESSON);

    private static final java.util.regex.Pattern PICTURE_ENTRY = java.util.regex.Pattern.compile("lesson-picture-\\d{1,2}\\.bin");

    private SessionFile() { }

    /** The entry of the lesson's {@code i}-th picture (from 0, in the order session.json lists them). */
    static String picture(int i) {
        return "lesson-picture-" + i + ".bin";
    }

    public static void write(Path file, Session s) throws IOException {
        byte[] json = SessionJson.write(s);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, JSON, json);
            if (s.layout() != null) put(zip, LAYOUT, SessionJson.layoutBytes(s.layout()));
            if (s.model() instanceof SessionModel.Embedded m) {
                put(zip, MODEL, m.model());
                if (m.timeline() != null) put(zip, TIMELINE, m.timeline());
            }
            if (s.lesson() instanceof SessionLesson.Embedded l) {
                put(zip, LESSON, l.markdown());
                int i = 0;
                for (byte[] picture : l.pictures().values()) put(zip, picture(i++), picture); // in the JSON's order
            }
            zip.finish();
        });
    }

    /** Reads a session, checking everything; a {@link SessionFileException} says what is wrong. */
    public static Session read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new SessionFileException(file, Message.of("session.error.noFile"), null);
        if (Files.size(file) == 0) throw new SessionFileException(file, Message.of("session.error.empty"), null);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> entries = entries(zip);
            if (!entries.containsKey(JSON)) throw Checks.refused("session.error.missing", JSON);
            var h = StrictJson.parse(part(zip, entries.get(JSON), MAX_JSON_BYTES, false), MAX_JSON_BYTES, JSON);
            Set<String> used = new HashSet<>(Set.of(JSON));
            Session s = SessionJson.read(h, (name, size) -> {
                ZipEntry e = entries.get(name);
                if (e == null) throw Checks.refused("session.error.missing", name);
                used.add(name);
                if (!ENTRIES_THAT_SHRINK.contains(name) && size > PACKED_SLACK + MAX_RATIO * e.getCompressedSize()) {
                    throw Checks.refused("session.error.ratio", name, size, e.getCompressedSize());
                }
                return part(zip, e, size, true);
            });
            for (String name : entries.keySet()) {
                if (!used.contains(name)) throw Checks.refused("session.error.unexpected", name);
            }
            return s;
        } catch (ZipException | EOFException e) {
            throw new SessionFileException(file, Message.of("session.error.damaged", ModelFileLimits.reason(e)), e);
        } catch (IllegalArgumentException e) {
            // ours carry words; the zip reader's own (a malformed entry name) says only that the file is damaged
            throw new SessionFileException(file, e instanceof Message.Carrier c && c.userMessage() != null
                    ? c.userMessage() : Message.of("session.error.damaged", ModelFileLimits.reason(e)), e);
        }
    }

    private static Map<String, ZipEntry> entries(ZipFile zip) {
        if (zip.size() > MAX_ENTRIES) throw Checks.refused("session.error.tooManyEntries", MAX_ENTRIES);
        Map<String, ZipEntry> entries = new HashMap<>();
        var all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (!ENTRIES.contains(name) && !PICTURE_ENTRY.matcher(name).matches()) {
                throw Checks.refused("session.error.unknownEntry", Checks.clip(name));
            }
            if (entries.put(name, e) != null) throw Checks.refused("session.error.entryTwice", name);
        }
        return entries;
    }

    /**
     * An entry's bytes: exactly {@code size} when {@code exact}, else at most. The buffer grows
     * with what actually comes out, so a small file claiming a large part costs nothing.
     */
    private static byte[] part(ZipFile zip, ZipEntry e, long size, boolean exact) throws IOException {
        String name = e.getName();
        byte[] buf = new byte[(int) Math.min(size, 1 << 16)];
        int n = 0;
        try (InputStream in = zip.getInputStream(e)) {
            while (true) {
                if (n == buf.length) {
                    if (n == size) break;
                    buf = Arrays.copyOf(buf, (int) Math.min(size, 2L * n));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
            }
            if (n == size && in.read() >= 0) {
                throw exact ? Checks.refused("session.error.sizeLonger", name, size)
                        : Checks.refused("session.error.tooLarge", name, size >> 20);
            }
        }
        if (exact && n != size) throw Checks.refused("session.error.sizeShorter", name, n, size);
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
