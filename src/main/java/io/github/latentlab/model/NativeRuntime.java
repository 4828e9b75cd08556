package io.github.latentlab.model;

import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.latentlab.util.Message;

/**
 * Loads the ND4J backend once and chooses its threading.
 *
 * <p>Why: on small machines ND4J's OpenMP threads and OpenBLAS's threads spin against each
 * other and against the UI. Measured on a 2-core machine (docs/benchmarks.md): while training went
 * through DL4J's and SameDiff's fit, one OpenMP thread for element-wise ops with BLAS free to use
 * the cores trained a dense AE 2x faster than ND4J's defaults. With the hand-written steps (issue
 * 14), whose element-wise ops are fewer and larger, two OpenMP threads train the dense AE 1.8x
 * and the conv model 1.5x faster than one, the VAE as fast; more than two was not measured, so
 * the default is at most two. Users should not have to set OMP_NUM_THREADS for that, so the app
 * sets these limits through ND4J's API right after the backend loads. An explicit {@code OMP_NUM_THREADS}
 * or the system properties {@code latentlab.ompThreads} / {@code latentlab.blasThreads} win.
 */
public final class NativeRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static volatile Info info;

    /**
     * What was loaded and how it is threaded, for the status bar, the about box and {@code bench}.
     * On a GPU backend {@code gpus} names the devices and the summary shows them instead of the
     * CPU threads, which then only feed the GPU.
     */
    public record Info(String backend, int ompThreads, int blasThreads, int cores, long initMillis, GpuDevices gpus) {
        public boolean onGpu() { return !gpus.isEmpty(); }

        /** The device training runs on: the GPU's name and memory, or "CPU, N cores". */
        public String device() {
            return onGpu() ? gpus.describe() : "CPU, " + cores + " cores";
        }

        public String summary() {
            return summaryMessage().english();
        }

        /** The backend and its threads, for the window's status bar (in its language). */
        public Message summaryMessage() {
            if (onGpu()) return Message.of("runtime.gpu", backend, gpus.describe());
            return Message.of("runtime.cpu.threads", backend, ompThreads, blasThreads, cores);
        }

        /** The device, for the window's About box. */
        public Message deviceMessage() {
            return onGpu() ? Message.of("plain.text", gpus.describe()) : Message.of("runtime.cpu", cores);
        }
    }

    private NativeRuntime() { }

    static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    /** Where each backend's classifier jar keeps its natives, and the builds the pom may ship. */
    private static final List<String> BINDINGS = List.of("org/nd4j/linalg/cpu/nativecpu/bindings/",
            "org/nd4j/linalg/jcublas/bindings/");
    private static final List<String> EXTENSIONS = List.of("-onednn", "-cudnn");

    /**
     * Points javacpp at the extended native build on the classpath: the CPU backend's oneDNN build
     * (its convolutions train the conv autoencoder 3-4x faster) or the CUDA backend's cuDNN build.
     * Their libraries sit in a folder named platform + extension, which javacpp finds only when
     * told the extension. Must run before anything touches ND4J; {@code Main} and {@link #init()}
     * call it. An explicit {@code -Dorg.bytedeco.javacpp.platform.extension} wins.
     */
    public static void selectNativeBuild() {
        if (System.getProperty(PLATFORM_EXTENSION) != null) return;
        String extension = extensionOnClasspath(Loader.getPlatform(),
                NativeRuntime.class.getClassLoader());
        if (extension != null) System.setProperty(PLATFORM_EXTENSION, extension);
    }

    /** The extension whose natives the class loader has for this platform, or null for the plain build. */
    static String extensionOnClasspath(String platform, ClassLoader loader) {
        for (String bindings : BINDINGS) {
            if (loader.getResource(bindings + platform + "/") != null) return null; // a plain build is there
            for (String extension : EXTENSIONS) {
                if (loader.getResource(bindings + platform + extension + "/") != null) return extension;
            }
        }
        return null;
    }

    /** Loads the backend (slow the first time: native libraries are unpacked) and sets threads. */
    public static synchronized Info init() {
        if (info != null) return info;
        selectNativeBuild();
        NativeAllocator.configure();
        long t0 = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        int omp = intSetting("latentlab.ompThreads", envInt("OMP_NUM_THREADS", Math.min(2, cores)));
        int blas = intSetting("latentlab.blasThreads", envInt("OPENBLAS_NUM_THREADS", cores));
        Nd4j.create(1); // forces backend loading
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
        Nd4j.getEnvironment().setMaxThreads(omp);
        Nd4j.getEnvironment().setMaxMasterThreads(omp);
        // ND4J's default (SCOPE_PANIC) checks every op's arrays against workspace scopes; the app's
        // own steps use no workspaces, and without the check a dense step ran 4% faster
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        try {
            Nd4j.factory().blas().setMaxThreads(blas);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.debug("BLAS thread count not settable on this backend", e); // e.g. CUDA
        }
        String backend = Nd4j.getBackend().getClass().getSimpleName()
                .replace("Backend", "").replace("Native", "CPU ").replace("JCublas", "CUDA ");
        if (!System.getProperty(PLATFORM_EXTENSION, "").isEmpty()) backend += System.getProperty(PLATFORM_EXTENSION).replace('-', ' ');
        GpuDevices gpus = GpuDevices.from(Nd4j.getExecutioner().getEnvironmentInformation());
        info = new Info(backend.isBlank() ? "ND4J" : backend.trim(), omp, blas, cores,
                (System.nanoTime() - t0) / 1_000_000, gpus);
        LOG.info("ND4J ready: {} ({} ms)", info.summary(), info.initMillis());
        return info;
    }

    /** The info if the backend is loaded, else null (does not load it). */
    public static Info infoIfLoaded() { return info; }

    private static int intSetting(String property, int fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " must be a whole number, got '" + v + "'");
        }
    }

    private static int envInt(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
