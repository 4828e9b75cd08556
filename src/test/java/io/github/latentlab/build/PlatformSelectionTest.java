package io.github.latentlab.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the pom picks exactly one ND4J backend with the right natives on every platform we ship
 * for, without downloading other platforms' jars: Maven runs with {@code os.name}/{@code os.arch}
 * set to each platform's (its OS profile activation reads them), and the resolved dependency graph
 * (POMs only) and the effective surefire argument line are checked. A profile such as
 * {@code package} must not change the backend; {@code -Pcuda} must replace the CPU backend, never
 * add to it, and pass javacpp the cuDNN build's extension.
 */
class PlatformSelectionTest {
    /** One build target: how the JVM names it, the ND4J classifier, arpack's (null: none exists), JavaFX's. */
    record Target(String name, String osName, String osArch, String profiles, String backend, String backendClassifier,
                  String extension, String arpackClassifier, String javafxClassifier) {
        @Override public String toString() { return name; }
    }

    static Stream<Target> targets() {
        return Stream.of(
                new Target("linux-x86_64", "Linux", "amd64", "", "nd4j-native", "linux-x86_64-onednn", "-onednn", "linux-x86_64", "linux"),
                new Target("linux-arm64", "Linux", "aarch64", "", "nd4j-native", "linux-arm64", "", "linux-arm64", "linux-aarch64"),
                new Target("windows-x86_64", "Windows 10", "amd64", "", "nd4j-native", "windows-x86_64-onednn", "-onednn", "windows-x86_64", "win"),
                // "Mac OS X" also matches Maven's family "unix", which must not pick Linux
                new Target("macosx-x86_64", "Mac OS X", "x86_64", "", "nd4j-native", "macosx-x86_64-onednn", "-onednn", "macosx-x86_64", "mac"),
                new Target("macosx-arm64", "Mac OS X", "aarch64", "", "nd4j-native", "macosx-arm64", "", null, "mac-aarch64"),
                new Target("linux-x86_64 -Ppackage", "Linux", "amd64", "package", "nd4j-native", "linux-x86_64-onednn", "-onednn", "linux-x86_64", "linux"),
                new Target("linux-x86_64 -Pcuda", "Linux", "amd64", "cuda", "nd4j-cuda-11.6", "linux-x86_64-cudnn", "-cudnn", "linux-x86_64", "linux"));
    }

    private static final Pattern ARTIFACT = Pattern.compile("([\\w.\\-]+):([\\w.\\-]+):jar(?::([\\w.\\-]+))?:([\\w.\\-]+):(compile|runtime)");

    record Artifact(String group, String name, String classifier) { }

    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void exactlyOneBackendWithThisPlatformsNatives(Target t) throws Exception {
        Path tree = dir.resolve("tree.txt"), pom = dir.resolve("effective-pom.xml");
        List<String> command = new ArrayList<>(List.of(mavenWrapper(), "-B", "-q",
                "dependency:tree", "-Dscope=runtime", "-DoutputFile=" + tree,
                "help:effective-pom", "-Doutput=" + pom));
        if (!t.profiles().isEmpty()) command.add("-P" + t.profiles());
        ProcessBuilder pb = new ProcessBuilder(command).directory(projectDir().toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("maven.log").toFile());
        // os.* must reach Maven's own JVM (profile activation, ours and ND4J's, reads them); a -D after
        // the goals does not. JAVA_TOOL_OPTIONS, unlike MAVEN_OPTS, keeps the quoted "Mac OS X" whole.
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Dos.name=\"" + t.osName() + "\" -Dos.arch=" + t.osArch());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "maven did not finish in 5 minutes");
        String log = read(dir.resolve("maven.log"));
        assertEquals(0, p.exitValue(), () -> "maven failed for " + t + ":\n" + log);

        List<Artifact> deps = parse(read(tree));
        List<Artifact> backends = deps.stream()
                .filter(a -> a.group().equals("org.nd4j") && a.name().matches("nd4j-native|nd4j-cuda-[0-9.]+"))
                .toList();
        List<Artifact> withNatives = backends.stream().filter(a -> a.classifier() != null).toList();
        assertEquals(List.of(new Artifact("org.nd4j", t.backend(), t.backendClassifier())), withNatives,
                "exactly one backend natives jar for " + t);
        assertEquals(List.of(new Artifact("org.nd4j", t.backend(), null)),
                backends.stream().filter(a -> a.classifier() == null).toList(), "the backend's classes, once");

        String platform = t.backendClassifier().replaceAll("-(onednn|cudnn)$", "");
        for (Artifact a : deps) {
            if (a.classifier() == null) continue;
            if (a.group().equals("org.openjfx")) {
                assertEquals(t.javafxClassifier(), a.classifier(), "JavaFX natives for " + t + ": " + a);
            } else {
                assertTrue(a.classifier().startsWith(platform), "natives of another platform for " + t + ": " + a);
            }
        }
        boolean arpackNatives = deps.stream().anyMatch(a -> a.name().equals("arpack-ng") && a.classifier() != null);
        assertEquals(t.arpackClassifier() != null, arpackNatives, "arpack-ng natives (UMAP) for " + t);
        assertTrue(deps.contains(new Artifact("org.bytedeco", "openblas", platform)), "OpenBLAS natives (PCA) for " + t);

        String effective = read(pom);
        assertTrue(effective.contains("-Dorg.bytedeco.javacpp.platform.extension=" + t.extension() + " ")
                        || effective.contains("-Dorg.bytedeco.javacpp.platform.extension=" + t.extension() + "<"),
                "tests tell javacpp the extension '" + t.extension() + "' for " + t);
        assertFalse(t.backend().startsWith("nd4j-cuda") && deps.stream().anyMatch(a -> a.name().equals("nd4j-native")),
                "no CPU backend beside CUDA");
    }

    static List<Artifact> parse(String tree) {
        List<Artifact> out = new ArrayList<>();
        Matcher m = ARTIFACT.matcher(tree);
        while (m.find()) out.add(new Artifact(m.group(1), m.group(2), m.group(3)));
        return out;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    private static String mavenWrapper() {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        return projectDir().resolve(windows ? "mvnw.cmd" : "mvnw").toString();
    }
}
