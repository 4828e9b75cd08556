package io.github.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.github.latentlab.util.BuildInfo;

/** The CUDA backend's device report, parsed on CPU machines too; and the CPU backend reports none. */
class GpuDevicesTest {
    @Test
    void cudaEnvironmentNamesTheGpuAndItsMemory() {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        env.put(GpuDevices.DEVICES_KEY, List.of(
                Map.of("cuda.deviceName", "NVIDIA RTX A4000", "cuda.totalMemory", 17_179_869_184L,
                        "cuda.deviceMajor", 8, "cuda.deviceMinor", 6),
                Map.of("cuda.deviceName", "NVIDIA RTX A4000", "cuda.totalMemory", 17_179_869_184L)));
        GpuDevices gpus = GpuDevices.from(env);
        assertEquals(2, gpus.gpus().size());
        assertEquals("NVIDIA RTX A4000, 16.0 GB, compute 8.6 (+ 1 more GPU)", gpus.describe());

        NativeRuntime.Info info = new NativeRuntime.Info("CUDA cudnn", 1, 2, 8, 900, gpus);
        assertTrue(info.onGpu());
        assertEquals("CUDA cudnn · NVIDIA RTX A4000, 16.0 GB, compute 8.6 (+ 1 more GPU)", info.summary());
        assertFalse(info.summary().contains("BLAS"), "GPU summary shows the device, not CPU threads");
    }

    @Test
    void theCudaBuildReportsItsGpu() {
        assumeTrue(BuildInfo.backendArtifact().startsWith("nd4j-cuda"), "built with the CPU backend");
        NativeRuntime.Info info = NativeRuntime.init();
        assertTrue(info.onGpu(), info.summary());
        assertFalse(info.summary().contains("BLAS"), info.summary());
    }

    @Test
    void aDeviceWithoutDetailsIsStillNamed() {
        Properties env = new Properties();
        env.put(GpuDevices.DEVICES_KEY, List.of(Map.of()));
        assertEquals("unnamed GPU", GpuDevices.from(env).describe());
    }

    @Test
    void cpuBackendReportsNoGpuAndItsThreads() {
        assumeTrue(BuildInfo.backendArtifact().equals("nd4j-native"), "built with the CUDA backend (-Pcuda)");
        NativeRuntime.Info info = NativeRuntime.init();
        assertFalse(info.onGpu());
        assertEquals("CPU, " + Runtime.getRuntime().availableProcessors() + " cores", info.device());
        assertTrue(info.summary().contains("BLAS thread"), info.summary());
    }

    @Test
    void extendedNativeBuildIsFoundByItsFolder() {
        ClassLoader oneDnn = loaderWith("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/");
        assertEquals("-onednn", NativeRuntime.extensionOnClasspath("linux-x86_64", oneDnn));
        ClassLoader cudnn = loaderWith("org/nd4j/linalg/jcublas/bindings/linux-x86_64-cudnn/");
        assertEquals("-cudnn", NativeRuntime.extensionOnClasspath("linux-x86_64", cudnn));
        ClassLoader plain = loaderWith("org/nd4j/linalg/cpu/nativecpu/bindings/macosx-arm64/");
        assertEquals(null, NativeRuntime.extensionOnClasspath("macosx-arm64", plain));
    }

    private static ClassLoader loaderWith(String folder) {
        return new ClassLoader(null) {
            @Override public URL getResource(String name) {
                try {
                    return name.equals(folder) ? new URL("file:/" + folder) : null;
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
