package io.github.latentlab.util;

import java.io.ObjectInputFilter;

/**
 * Latent Lab never needs Java serialization, and libraries it uses would deserialize objects
 * from files a user opens (DL4J reads a model's {@code preprocessor.bin} with
 * {@code ObjectInputStream}): with a classpath this large, that is how a crafted file runs code
 * (CWE-502). {@link #install()} sets a process-wide filter that rejects every class, so any
 * {@code ObjectInputStream} fails before building an object. Main calls it first, for the app and
 * the command line alike.
 */
public final class NoJavaSerialization {
    private NoJavaSerialization() { }

    /** Rejects every class in every ObjectInputStream of this JVM; safe to call more than once. */
    public static synchronized void install() {
        ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
        if (current != null && current.getClass() == RejectAll.class) return;
        ObjectInputFilter.Config.setSerialFilter(new RejectAll());
    }

    private static final class RejectAll implements ObjectInputFilter {
        @Override
        public Status checkInput(FilterInfo info) {
            // a class, an array, or a reference count: nothing is wanted, so nothing passes
            return Status.REJECTED;
        }
    }
}
