package io.github.latentlab.util;

import java.nio.file.Path;

/**
 * Where Latent Lab keeps its files: {@code ~/.latent-lab} unless the system property
 * {@code latentlab.home} or the environment variable {@code LATENTLAB_HOME} says otherwise
 * (tests point it at a temporary folder).
 */
public final class AppDirs {
    private AppDirs() { }

    public static Path home() {
        String prop = System.getProperty("latentlab.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("LATENTLAB_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".latent-lab");
    }

    /** Downloaded datasets, one sub-folder per dataset id. */
    public static Path datasetCache() { return home().resolve("datasets"); }
}
