package io.github.latentlab.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build was made with: the app's version, DL4J's, JavaFX's and the ND4J backend
 * artifact and classifier the build chose for its platform. Read from {@code build.properties},
 * which Maven fills in from the pom, so no version is written twice.
 */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() { }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("build.properties in the jar is unreadable", e);
        }
        return p;
    }

    private static String get(String key) {
        String v = PROPS.getProperty(key);
        return v == null || v.startsWith("${") ? "unknown" : v;
    }

    public static String appVersion() { return get("app.version"); }
    public static String dl4jVersion() { return get("dl4j.version"); }
    public static String javafxVersion() { return get("javafx.version"); }
    public static String smileVersion() { return get("smile.version"); }
    /** The ND4J backend artifact, e.g. {@code nd4j-native} or {@code nd4j-cuda-11.6}. */
    public static String backendArtifact() { return get("nd4j.backend"); }
    /** Its native classifier, e.g. {@code linux-x86_64-onednn}. */
    public static String backendClassifier() { return get("nd4j.classifier"); }

    /** One line per component, for {@code --version} and the about box. */
    public static String describe() {
        return String.join(System.lineSeparator(),
                "Latent Lab " + appVersion(),
                "Deeplearning4j / ND4J " + dl4jVersion() + ", backend " + backendArtifact() + " (" + backendClassifier() + ")",
                "JavaFX " + javafxVersion() + ", Smile " + smileVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
