package io.github.latentlab.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only stand-in for a gadget: deserializing it writes a marker file, so a test can see
 * whether any object was ever built from a file's bytes.
 */
public final class SerializationMarker implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String markerPath;

    public SerializationMarker(Path marker) {
        this.markerPath = marker.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(markerPath), "deserialized");
    }

    /** The serialized bytes of a marker that writes {@code marker} when read back. */
    public static byte[] bytes(Path marker) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(new SerializationMarker(marker));
        }
        return out.toByteArray();
    }
}
