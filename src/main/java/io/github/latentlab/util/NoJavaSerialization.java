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

    /**
     * Rejects every class in every ObjectInputStream of this JVM; safe to call more than once. A
     * filter given on the command line ({@code -Djdk.serialFilter=...}) is the user's explicit
     * choice and stays: the JVM allows only one process-wide filter.
     */
    public static synchronized void install() {
        if (ObjectInputFilter.Config.getSerialFilter() != null) return; // ours already, or the user's flag
        try {
            ObjectInputFilter.Config.setSerialFilter(new RejectAll());
        } catch (IllegalStateException alreadySet) {
            // set by someone in between: one filter per JVM, and there is one
        }
    }

    private static final class RejectAll implements ObjectInputFilter {
        @Override
        public Status checkInput(FilterInfo info) {
            // a class, an array, or a reference count: nothing is wanted, so nothing passes
            return Status.REJECTED;
        }
    }
}
