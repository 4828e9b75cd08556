package io.github.latentlab.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.model.CraftedModels;
import io.github.latentlab.model.SerializationMarker;
import io.github.latentlab.util.NoJavaSerialization;

/**
 * The program itself, started as a user starts it (a child JVM with no -D flags), never builds an
 * object from a file's bytes: neither through a crafted model nor through any ObjectInputStream.
 */
@Tag("slow")
class NoDeserializationTest {
    @TempDir Path dir;

    @Test
    void mainRefusesAModelCarryingASerializedObjectAndBuildsNothingFromIt() throws Exception {
        Path marker = dir.resolve("marker");
        Path genuine = CraftedModels.genuine(dir.resolve("dense.llab"), CraftedModels.DENSE);
        Path crafted = CraftedModels.withSerializedPreprocessor(genuine, dir.resolve("gadget.llab"), marker);
        Result r = runJava("io.github.latentlab.app.Main", "evaluate", "--model", crafted.toString(), "--dataset", "builtin-digits");
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("gadget.llab") && r.output().contains("preprocessor.bin"), r.output());
        assertFalse(Files.exists(marker), "an object was deserialized from the file");
    }

    @Test
    void theFilterMainInstallsRejectsEveryClass() throws Exception {
        Path marker = dir.resolve("marker");
        Path payload = dir.resolve("payload.bin");
        Files.write(payload, SerializationMarker.bytes(marker));
        Result r = runJava(Probe.class.getName(), payload.toString());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("rejected"), r.output());
        assertFalse(Files.exists(marker), "the filter let an object through");
    }

    @Test
    void aFilterGivenOnTheCommandLineStaysAndInstallingDoesNotFail() {
        // this test JVM runs with -Djdk.serialFilter=!* (pom): Main must still start
        NoJavaSerialization.install();
        NoJavaSerialization.install();
        assertTrue(java.io.ObjectInputFilter.Config.getSerialFilter() != null);
    }

    /** Runs in the child JVM: installs the filter as Main does, then tries to read the payload. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            NoJavaSerialization.install();
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
                in.readObject();
                System.out.println("read an object");
                System.exit(3);
            } catch (InvalidClassException e) {
                System.out.println("rejected: " + e.getMessage());
            }
        }
    }

    private record Result(int exit, String output) { }

    private Result runJava(String mainClass, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LATENTLAB_HOME", dir.resolve("home").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
