package io.github.latentlab.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.latentlab.model.ModelStore;

/**
 * The model a session shows: one the app ships (named, with the SHA-256 of its file so a
 * different file of the same name is noticed), or the model file itself carried in the session.
 * A session without a model has none ({@code null}).
 */
public sealed interface SessionModel {
    /** A model file's largest size carried in a session; the app's largest model is under 2 MB. */
    int MAX_MODEL_BYTES = 512 << 20;
    /** A timeline's largest size carried; a shipped model's is about 3 MB. */
    int MAX_TIMELINE_BYTES = 256 << 20;

    /** A model the app ships, e.g. {@code fashion-ae-latent2}, with the hex SHA-256 of its {@code .llab} file. */
    record Shipped(String name, String sha256) implements SessionModel {
        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        public Shipped {
            Checks.shippedName("shippedModel", name);
            if (sha256 == null || !SHA256.matcher(sha256).matches()) {
                throw Checks.refused("session.error.sha256", Checks.clip(sha256));
            }
        }

        /** The hex SHA-256 of a model file's bytes, as a session names a shipped model by. */
        public static String sha256Of(byte[] file) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        }
    }

    /**
     * A model file carried whole ({@code .llab} bytes, not parsed here: the app writes them to a
     * folder and opens them with its own model reader), optionally with its timeline
     * ({@code null} when none). The arrays are not copied (they may be hundreds of MB): do not change them.
     */
    record Embedded(String fileName, byte[] model, byte[] timeline) implements SessionModel {
        public Embedded {
            Checks.fileName("modelFileName", fileName, ModelStore.EXTENSION);
            Objects.requireNonNull(model, "model");
            Checks.range("modelBytes", model.length, 1, MAX_MODEL_BYTES);
            if (timeline != null) Checks.range("timelineBytes", timeline.length, 1, MAX_TIMELINE_BYTES);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Embedded e && fileName.equals(e.fileName) && Arrays.equals(model, e.model)
                    && Arrays.equals(timeline, e.timeline);
        }

        @Override public int hashCode() {
            return Objects.hash(fileName, Arrays.hashCode(model), Arrays.hashCode(timeline));
        }

        @Override public String toString() {
            return "Embedded[" + fileName + ", " + model.length + " bytes, timeline "
                    + (timeline == null ? "none" : timeline.length + " bytes") + "]";
        }
    }
}
