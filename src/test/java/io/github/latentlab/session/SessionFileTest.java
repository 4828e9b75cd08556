package io.github.latentlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.CraftedModels;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.util.ChineseWords;

/** Session files: everything comes back exactly, writes are atomic, and a wrong file is refused in words. */
class SessionFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNHELPFUL = Pattern.compile("\\bnull\\b|\\b[A-Z]\\w*(Exception|Error)\\b");

    @TempDir Path dir;

    /** A session using every field: a carried model, timeline and lesson, a t-SNE layout of an epoch. */
    static Session full() {
        byte[] model = new byte[3000], timeline = new byte[1234];
        for (int i = 0; i < model.length; i++) model[i] = (byte) (i * 31);
        for (int i = 0; i < timeline.length; i++) timeline[i] = (byte) (i * 7 + 1);
        double[][] xy = new double[500][];
        for (int i = 0; i < xy.length; i++) xy[i] = new double[] {Math.sin(i) * 1e-300, i * -12.625 + Math.PI};
        xy[3] = new double[] {Double.MAX_VALUE, -Double.MIN_VALUE};
        return new Session(1, "1.4.0", "fashion-mnist", "0123456789abcdef",
                new SessionModel.Embedded("my model 模型.llab", model, timeline),
                new MapSettings(MapMethod.TSNE, MapImages.ALL, 12_000, 3, 7, 42.5, 750, 30, -9_000_000_000L),
                new MapLayout(xy, 7), 499, List.of(12, 400), NoiseKind.SALT_PEPPER, 0.35, 7, "noise",
                new SessionLesson.Embedded("我的课程.md", "# 课程\n\nstep one\n".getBytes(StandardCharsets.UTF_8), 4,
                        Map.of("img/map.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3},
                                "diagram.gif", "GIF89a…".getBytes(StandardCharsets.UTF_8))));
    }

    static Session minimal() {
        return Session.of(null, "", new SessionModel.Shipped("fashion-ae-latent2", "ab".repeat(32)),
                MapSettings.DEFAULT, null, -1, List.of(), NoiseKind.GAUSSIAN, 0, -1, "latent", null);
    }

    @Test
    void aFullSessionComesBackExactly() throws Exception {
        Session s = full();
        Path file = dir.resolve("lesson" + SessionFile.EXTENSION);
        SessionFile.write(file, s);
        Session back = SessionFile.read(file);
        assertEquals(s, back);
        var m = (SessionModel.Embedded) back.model();
        var original = (SessionModel.Embedded) s.model();
        assertArrayEquals(original.model(), m.model());
        assertArrayEquals(original.timeline(), m.timeline());
        assertEquals("my model 模型.llab", m.fileName());
        for (int i = 0; i < s.layout().size(); i++) {
            assertArrayEquals(s.layout().points()[i], back.layout().points()[i], 0.0, "layout point " + i + " bit for bit");
        }
        assertEquals(7, back.layout().epoch());
        assertEquals(new MapSettings(MapMethod.TSNE, MapImages.ALL, 12_000, 3, 7, 42.5, 750, 30, -9_000_000_000L), back.map());
        assertEquals(List.of(12, 400), back.picks());
        assertEquals(499, back.selected());
        assertEquals(NoiseKind.SALT_PEPPER, back.noiseKind());
        assertEquals(0.35, back.noiseLevel());
        assertEquals("noise", back.tab());
        assertEquals("1.4.0", back.appVersion());
        assertEquals("fashion-mnist", back.datasetId());
        assertEquals("0123456789abcdef", back.datasetFingerprint());
        var lesson = (SessionLesson.Embedded) back.lesson();
        assertEquals("# 课程\n\nstep one\n", lesson.text());
        assertEquals(4, lesson.step());
        assertEquals(List.of("diagram.gif", "img/map.png"), List.copyOf(lesson.pictures().keySet()), "its pictures travel with it");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, lesson.pictures().get("img/map.png"));
        assertEquals(List.of("session.json", "layout.f64", "model.llab", "model.timeline", "lesson.md",
                        "lesson-picture-0.bin", "lesson-picture-1.bin"),
                List.copyOf(CraftedModels.entries(Files.readAllBytes(file)).keySet()));
    }

    @Test
    void aMinimalSessionComesBackWithNothingInvented() throws Exception {
        Session s = minimal();
        Path file = dir.resolve("min.llsession");
        SessionFile.write(file, s);
        Session back = SessionFile.read(file);
        assertEquals(s, back);
        assertEquals(new SessionModel.Shipped("fashion-ae-latent2", "ab".repeat(32)), back.model());
        assertNull(back.layout());
        assertNull(back.lesson());
        assertNull(back.datasetId());
        assertEquals(MapSettings.DEFAULT, back.map());
        assertEquals(List.of("session.json"), List.copyOf(CraftedModels.entries(Files.readAllBytes(file)).keySet()));
    }

    @Test
    void missingOptionalFieldsTakeTheirDefaultsAndUnknownOnesAreIgnored() throws Exception {
        Path file = dir.resolve("old.llsession");
        zip(file, Map.of("session.json", bytes("{\"format\":\"latent-lab-session\",\"formatVersion\":1,"
                + "\"addedLater\":{\"x\":[1,2]},\"method\":\"umap\",\"perplexity\":null}")));
        Session s = SessionFile.read(file);
        assertEquals(MapMethod.UMAP, s.map().method());
        assertEquals(MapSettings.DEFAULT.perplexity(), s.map().perplexity());
        assertNull(s.model());
        assertEquals("latent", s.tab());
        assertEquals(-1, s.selected());
        assertEquals(NoiseKind.GAUSSIAN, s.noiseKind());
    }

    @Test
    void writingReplacesAFileWholeAndLeavesNothingBeside() throws Exception {
        Path file = dir.resolve("class.llsession");
        SessionFile.write(file, full());
        long big = Files.size(file);
        SessionFile.write(file, minimal());
        assertTrue(Files.size(file) < big, "the smaller session replaced the larger one whole");
        assertEquals(minimal(), SessionFile.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aTruncatedFileIsRefusedAtEveryLength() throws Exception {
        Path good = dir.resolve("good.llsession");
        SessionFile.write(good, full());
        byte[] all = Files.readAllBytes(good);
        for (int cut : new int[] {1, 4, 22, 30, 100, all.length / 3, all.length / 2, all.length - 200, all.length - 22,
                all.length - 1}) {
            Path file = dir.resolve("cut.llsession");
            Files.write(file, Arrays.copyOf(all, cut));
            String m = refusal(file);
            assertTrue(m.contains("damaged or truncated"), cut + ": " + m);
        }
    }

    @Test
    void emptyMissingAndNotAZipAreRefusedInWords() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.llsession"));
        assertEquals("empty.llsession: the file is empty", refusal(empty));
        assertEquals("gone.llsession: there is no such file", refusal(dir.resolve("gone.llsession")));
        Path text = Files.writeString(dir.resolve("notes.llsession"), "just some notes, not a session\n");
        assertTrue(refusal(text).startsWith("notes.llsession: not a Latent Lab session, or a damaged"), refusal(text));
        Path noJson = dir.resolve("nojson.llsession");
        zip(noJson, Map.of("lesson.md", bytes("# hi")));
        assertEquals("nojson.llsession: its part session.json is missing", refusal(noJson));
    }

    @Test
    void aNewerOrForeignFormatIsNamed() throws Exception {
        String newer = refusal(withJson(h -> h.put("formatVersion", 2)));
        assertTrue(newer.contains("written by a newer Latent Lab (session format 2; this version reads up to 1)"), newer);
        assertTrue(refusal(withJson(h -> h.put("format", "latent-lab-timeline"))).endsWith("it is not a Latent Lab session"));
        assertTrue(refusal(withJson(h -> h.remove("format"))).endsWith("it is not a Latent Lab session"));
        assertTrue(refusal(withJson(h -> h.put("format", 7))).endsWith("it is not a Latent Lab session"));
    }

    @Test
    void aLayoutOfTheWrongSizeIsRefused() throws Exception {
        Path file = dir.resolve("layout.llsession");
        SessionFile.write(file, full());
        Map<String, byte[]> e = CraftedModels.entries(Files.readAllBytes(file));
        e.put("layout.f64", Arrays.copyOf(e.get("layout.f64"), 500 * 16 - 8));
        zip(file, e);
        assertEquals("layout.llsession: its part layout.f64 holds 7992 bytes, but session.json says 8000", refusal(file));
        e.put("layout.f64", Arrays.copyOf(e.get("layout.f64"), 500 * 16 + 8));
        zip(file, e);
        assertTrue(refusal(file).endsWith("its part layout.f64 holds more than the 8000 bytes session.json says"),
                refusal(file));
        e.remove("layout.f64");
        zip(file, e);
        assertTrue(refusal(file).endsWith("its part layout.f64 is missing"), refusal(file));
        e.put("layout.f64", new byte[16 * 500]);
        e.put("session.json", bytes(new String(e.get("session.json"), StandardCharsets.UTF_8)
                .replace("\"layoutPoints\"", "\"oldLayoutPoints\"")));
        zip(file, e);
        assertTrue(refusal(file).endsWith("it holds the part layout.f64, which its session.json does not mention"),
                refusal(file));
    }

    @Test
    void aCarriedModelThatUnpacksFarBeyondItsPackedSizeIsAZipBomb() throws Exception {
        Path file = dir.resolve("bomb.llsession");
        SessionFile.write(file, full());
        Map<String, byte[]> e = CraftedModels.entries(Files.readAllBytes(file));
        int size = 8 << 20; // zeros: deflate packs them about 1,000 to 1
        e.put("model.llab", new byte[size]);
        e.put("session.json", bytes(new String(e.get("session.json"), StandardCharsets.UTF_8)
                .replace("\"modelBytes\" : 3000", "\"modelBytes\" : " + size)));
        zip(file, e);
        assertTrue(refusal(file).matches(".*its part model.llab would unpack to 8388608 bytes from only \\d+, far more "
                + "than a Latent Lab file shrinks: refused"), refusal(file));
    }

    @Test
    void aNonFiniteLayoutPointIsRefused() throws Exception {
        Path file = dir.resolve("nan.llsession");
        SessionFile.write(file, full());
        Map<String, byte[]> e = CraftedModels.entries(Files.readAllBytes(file));
        byte[] layout = e.get("layout.f64");
        Arrays.fill(layout, 16 * 9, 16 * 9 + 8, (byte) 0xff); // a NaN
        zip(file, e);
        assertTrue(refusal(file).endsWith("point 9 of its map layout is not a finite number"), refusal(file));
    }

    @Test
    void anEntryTwiceOrAnUnknownOneIsRefused() throws Exception {
        Path good = dir.resolve("good.llsession");
        SessionFile.write(good, minimal());
        byte[] json = CraftedModels.entries(Files.readAllBytes(good)).get("session.json");
        Path twice = dir.resolve("twice.llsession");
        Files.write(twice, zipTwice("session.json", json));
        assertTrue(refusal(twice).endsWith("it holds the part session.json twice"), refusal(twice));
        Path evil = dir.resolve("evil.llsession");
        zip(evil, new LinkedHashMap<>(Map.of("session.json", json, "../../evil.txt", bytes("x"))));
        assertTrue(refusal(evil).endsWith("it holds a part a session does not have: ../../evil.txt"), refusal(evil));
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("session.json", json);
        for (int i = 0; i < 8 + SessionLesson.MAX_PICTURES; i++) many.put("extra" + i, new byte[1]);
        Path crowded = dir.resolve("crowded.llsession");
        zip(crowded, many);
        assertTrue(refusal(crowded).endsWith("it holds more parts than a session has (at most 24)"), refusal(crowded));
        Path one = dir.resolve("one.llsession");
        zip(one, new LinkedHashMap<>(Map.of("session.json", json, "notes.txt", bytes("x"))));
        assertTrue(refusal(one).endsWith("it holds a part a session does not have: notes.txt"), refusal(one));
    }

    @Test
    void wrongTypesAndNumbersOutOfRangeNameTheField() throws Exception {
        refusedEnding("\"points\" should be a whole number, not the string \"many\"", h -> h.put("points", "many"));
        refusedEnding("\"tab\" should be a string, not 3", h -> h.put("tab", 3));
        refusedEnding("\"picks\" has 3 entries, more than the 2 allowed", h -> h.putArray("picks").add(1).add(2).add(3));
        refusedEnding("\"points\" is 70001, outside 1..70000", h -> h.put("points", 70_001));
        refusedEnding("\"perplexity\" is 1.5, outside 2..100", h -> h.put("perplexity", 1.5));
        refusedEnding("\"noiseLevel\" is 0.7, outside 0..0.5", h -> h.put("noiseKind", "saltpepper").put("noiseLevel", 0.7));
        refusedEnding("\"method\" is \"pca3d\", not one of latent, pca, tsne, umap", h -> h.put("method", "pca3d"));
        refusedEnding("\"modelBytes\" is 600000000, outside 1..536870912",
                h -> ((ObjectNode) h.without("shippedModel")).put("modelBytes", 600_000_000).put("modelFileName", "x.llab"));
        refusedEnding("\"lessonName\" is not a name Latent Lab can use: \"../../etc/passwd\"",
                h -> h.put("lessonName", "../../etc/passwd"));
        refusedEnding("\"modelFileName\" is not a name Latent Lab can use: \"../escape.llab\"",
                h -> ((ObjectNode) h.without("shippedModel")).put("modelFileName", "../escape.llab").put("modelBytes", 3));
        refusedEnding("it names both a shipped model and a model file of its own",
                h -> h.put("modelFileName", "x.llab").put("modelBytes", 3));
        refusedEnding("the model's SHA-256 \"beef\" is not 64 hexadecimal digits", h -> h.put("sha256", "beef"));
        refusedEnding("\"lessonStep\" is 1000, outside 0..999", h -> h.put("lessonStep", 1000).put("lessonName", "01-autoencoder"));
        refusedEnding("\"selected\" is -2, outside -1..69999", h -> h.put("selected", -2));
    }

    @Test
    void everyRefusalIsWordsAndReadsInChinese() throws Exception {
        Path file = withJson(h -> h.put("formatVersion", 3));
        var e = assertThrows(SessionFileException.class, () -> SessionFile.read(file));
        assertEquals("edited.llsession：它由更新版本的 Latent Lab 写入（会话格式 3，本版本最高只能读取 1），请先升级应用再打开",
                ChineseWords.of(e.userMessage()));
        var range = assertThrows(SessionFileException.class,
                () -> SessionFile.read(withJson(h -> h.put("perplexity", 1.5))));
        assertEquals("edited.llsession：“perplexity”为 1.5，超出范围 2..100", ChineseWords.of(range.userMessage()));
    }

    @Test
    void theAppCannotMakeASessionItCouldNotRead() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                SessionModel.Shipped.sha256Of(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SessionModel.Embedded("model.txt", new byte[1], null));
        assertThrows(IllegalArgumentException.class, () -> new SessionModel.Embedded("CON.llab", new byte[1], null));
        assertThrows(IllegalArgumentException.class, () -> new SessionLesson.Embedded("a.md", new byte[] {(byte) 0xc3}, 0));
        for (String path : new String[] {"../evil.png", "/etc/x.png", "a/../../b.png", "img\\a.png", ".hidden.png",
                "img/CON.png", "a.exe", "img//a.png"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new SessionLesson.Embedded("a.md", new byte[] {'#'}, 0, Map.of(path, new byte[1])), path);
        }
        assertThrows(IllegalArgumentException.class, () -> new MapLayout(new double[][] {{1, 2, 3}}, -1));
        assertThrows(IllegalArgumentException.class, () -> new Session(1, "x", null, "", null, MapSettings.DEFAULT, null,
                -1, List.of(), NoiseKind.MASK, 0.2, -1, "settings", null));
    }

    // --- helpers

    /** The minimal session's file with its JSON changed by {@code edit}. */
    private Path withJson(Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve("edited.llsession");
        SessionFile.write(file, minimal());
        Map<String, byte[]> e = CraftedModels.entries(Files.readAllBytes(file));
        ObjectNode h = (ObjectNode) JSON.readTree(e.get("session.json"));
        edit.accept(h);
        e.put("session.json", JSON.writeValueAsBytes(h));
        zip(file, e);
        return file;
    }

    private void refusedEnding(String ending, Consumer<ObjectNode> edit) throws IOException {
        String m = refusal(withJson(edit));
        assertTrue(m.endsWith(ending), m);
    }

    /** The English refusal, checked to be words for a person. */
    private static String refusal(Path file) {
        var e = assertThrows(SessionFileException.class, () -> SessionFile.read(file));
        String m = e.getMessage();
        assertFalse(UNHELPFUL.matcher(m).find(), "a message for a person: " + m);
        assertFalse(ChineseWords.of(e.userMessage()).contains("["), "every key has its Chinese: " + ChineseWords.of(e.userMessage()));
        return m;
    }

    private static void zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.write(file, CraftedModels.zip(new LinkedHashMap<>(entries)));
    }

    /** A zip holding {@code name} twice: written under a same-length stand-in, then renamed in the bytes. */
    private static byte[] zipTwice(String name, byte[] content) throws IOException {
        String standIn = "X" + name.substring(1);
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put(name, content);
        e.put(standIn, content);
        byte[] zip = CraftedModels.zip(e);
        String latin = new String(zip, StandardCharsets.ISO_8859_1).replace(standIn, name);
        return latin.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
