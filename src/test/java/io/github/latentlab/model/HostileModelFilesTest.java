package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files crafted to attack the reader: each is refused with a message naming the file and
 * the problem, builds no object from file content, allocates nothing the spec does not need, and
 * leaves the folder exactly as it was.
 */
class HostileModelFilesTest {
    @TempDir Path dir;
    private Path dense;
    private Path vae;

    @BeforeEach
    void genuineModels() throws Exception {
        dense = CraftedModels.genuine(dir.resolve("dense.llab"), CraftedModels.DENSE);
        vae = CraftedModels.genuine(dir.resolve("vae.llab"), CraftedModels.VAE);
    }

    private String refusal(Path file) throws Exception {
        Map<String, String> before = checksums();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.getFileName() + ": "), m);
        assertFalse(m.contains("null") || m.matches(".*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*"),
                "a message that says nothing: " + m);
        assertEquals(before, checksums(), "loading changed the folder");
        return m;
    }

    @Test
    void genuineFilesStillLoad() throws Exception {
        assertEquals(8, ModelStore.load(dense).model().latentSize());
        assertEquals(2, ModelStore.load(vae).model().latentSize());
    }

    @Test
    void aPreprocessorEntryIsRefusedUnreadSoNoObjectIsBuiltFromIt() throws Exception {
        Path marker = dir.resolve("marker");
        Path crafted = CraftedModels.withSerializedPreprocessor(dense, dir.resolve("gadget.llab"), marker);
        String m = refusal(crafted);
        assertTrue(m.contains("preprocessor.bin") && m.contains("never writes"), m);
        assertFalse(Files.exists(marker), "an object was deserialized from the file");
    }

    @Test
    void metadataClaimingAnotherLatentSizeIsRefusedNamingBoth() throws Exception {
        String m = refusal(CraftedModels.rewriteMetadata(dense, dir.resolve("latent64.llab"), "\"latent\" : 8", "\"latent\" : 64"));
        assertTrue(m.contains("784-32-8-32-784") && m.contains("784-32-64-32-784"), m);
        String v = refusal(CraftedModels.rewriteMetadata(vae, dir.resolve("vae16.llab"), "\"latent\" : 2", "\"latent\" : 16"));
        assertTrue(v.contains("does not match") && v.contains("[2, 16]") && v.contains("[16, 16]"), v);
    }

    @Test
    void aHugeInputSizeIsRefusedBeforeAnythingIsBuilt() throws Exception {
        String m = refusal(CraftedModels.rewriteMetadata(dense, dir.resolve("huge.llab"), "\"inputSize\" : 784",
                "\"inputSize\" : 2147483647"));
        assertTrue(m.contains("2147483647") && m.contains("784"), m);
    }

    @Test
    void theWrongKindSaysWhatIsWrong() throws Exception {
        String m = refusal(CraftedModels.rewriteMetadata(dense, dir.resolve("kind.llab"), "\"kind\" : \"ae\"", "\"kind\" : \"vae\""));
        assertTrue(m.contains("graph is damaged") || m.contains("VAE"), m);
        String c = refusal(CraftedModels.rewriteMetadata(vae, dir.resolve("kind2.llab"), "\"kind\" : \"vae\"", "\"kind\" : \"ae\""));
        assertTrue(c.contains("network"), c);
    }

    @Test
    void aForeignClassInTheConfigurationIsRefusedNamingIt() throws Exception {
        Path crafted = CraftedModels.rewriteNetwork(dense, dir.resolve("class.llab"), inner -> {
            String conf = new String(inner.get("configuration.json"), StandardCharsets.UTF_8)
                    .replace("org.nd4j.linalg.activations.impl.ActivationReLU", "javax.script.ScriptEngineManager");
            inner.put("configuration.json", conf.getBytes(StandardCharsets.UTF_8));
            return inner;
        });
        String m = refusal(crafted);
        assertTrue(m.contains("javax.script.ScriptEngineManager"), m);
    }

    @Test
    void anArrayHeaderClaimingBillionsOfValuesIsRefusedBeforeAllocation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("LONG_SHAPE");
        out.writeLong(8);
        out.writeUTF("LONG");
        for (long v : new long[] {2, 1, 4_000_000_000L, 4_000_000_000L, 1, 0, 1, 99}) out.writeLong(v);
        out.writeUTF("MIXED_DATA_TYPES");
        out.writeLong(4_000_000_000L);
        out.writeUTF("FLOAT");
        Path crafted = CraftedModels.rewriteNetwork(dense, dir.resolve("alloc.llab"), inner -> {
            inner.put("coefficients.bin", bytes.toByteArray());
            return inner;
        });
        String m = refusal(crafted);
        assertTrue(m.contains("coefficients.bin"), m);
    }

    @Test
    void aZipBombIsRefusedAtItsLimit() throws Exception {
        Path crafted = dir.resolve("bomb.llab");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(crafted))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(ModelStore.METADATA_ENTRY));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 80; i++) zip.write(spaces); // 80 MB of whitespace, ~80 KB on disk
            zip.closeEntry();
        }
        assertTrue(Files.size(crafted) < 1 << 20);
        String m = refusal(crafted);
        assertTrue(m.contains("latent-lab.json") && m.contains("more than"), m);
    }

    @Test
    void extraOrDuplicateEntriesAreRefused() throws Exception {
        String m = refusal(CraftedModels.rewrite(dense, dir.resolve("extra.llab"), outer -> {
            outer.put("run.sh", "echo hi".getBytes(StandardCharsets.UTF_8));
            return outer;
        }));
        assertTrue(m.contains("run.sh"), m);
    }

    @Test
    void metadataWithWrongTypesNamesTheField() throws Exception {
        String m = refusal(CraftedModels.rewriteMetadata(dense, dir.resolve("types.llab"), "\"seed\" : 7", "\"seed\" : \"abc\""));
        assertTrue(m.contains("\"seed\"") && m.contains("abc"), m);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String d = refusal(CraftedModels.rewriteMetadata(dense, dir.resolve("deep.llab"), "\"lossPoints\" : [ ]",
                "\"lossPoints\" : " + deep));
        assertTrue(d.contains("metadata"), d);
    }

    @Test
    void aVaeGraphWithAForeignTrainingClassIsRefused() throws Exception {
        Path crafted = CraftedModels.rewrite(vae, dir.resolve("vaeclass.llab"), outer -> {
            byte[] graph = outer.get(ModelStore.NETWORK_ENTRY);
            String adam = "org.nd4j.linalg.learning.config.Adam";
            String other = "org.nd4j.linalg.learning.config.Sgd ".substring(0, adam.length()); // same length keeps offsets
            outer.put(ModelStore.NETWORK_ENTRY, replace(graph, adam, other));
            return outer;
        });
        String m = refusal(crafted);
        assertTrue(m.contains("training configuration"), m);
    }

    private static byte[] replace(byte[] in, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8), t = to.getBytes(StandardCharsets.UTF_8);
        byte[] out = in.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) System.arraycopy(t, 0, out, i, t.length);
        }
        return out;
    }

    private Map<String, String> checksums() throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                sums.put(p.getFileName().toString(), Files.size(p) + ":" + Arrays.hashCode(Files.readAllBytes(p))
                        + ":" + Files.getLastModifiedTime(p));
            }
        }
        return sums;
    }
}
