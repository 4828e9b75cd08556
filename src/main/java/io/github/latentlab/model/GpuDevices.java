package io.github.latentlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The GPUs a CUDA backend reports in ND4J's environment information
 * ({@code Nd4j.getExecutioner().getEnvironmentInformation()}, key {@code cuda.devicesInformation}:
 * one map per device with {@code cuda.deviceName}, {@code cuda.totalMemory}, {@code cuda.deviceMajor},
 * {@code cuda.deviceMinor}). A CPU backend reports none. Pure parsing, so the CUDA-only path is
 * tested on CPU machines too.
 */
public record GpuDevices(List<Gpu> gpus) {
    static final String DEVICES_KEY = "cuda.devicesInformation";

    /** One device: its name, memory in bytes (-1 when not reported) and compute capability. */
    public record Gpu(String name, long totalMemoryBytes, String computeCapability) {
        public String describe() {
            String memory = totalMemoryBytes > 0
                    ? String.format(Locale.ROOT, ", %.1f GB", totalMemoryBytes / (1024.0 * 1024 * 1024)) : "";
            String cc = computeCapability.isEmpty() ? "" : ", compute " + computeCapability;
            return name + memory + cc;
        }
    }

    public GpuDevices {
        gpus = List.copyOf(gpus);
    }

    public static GpuDevices from(Properties environment) {
        Object list = environment.get(DEVICES_KEY);
        List<Gpu> gpus = new ArrayList<>();
        if (list instanceof List<?> devices) {
            for (Object o : devices) {
                if (!(o instanceof Map<?, ?> m)) continue;
                Object name = m.get("cuda.deviceName");
                Object major = m.get("cuda.deviceMajor");
                Object minor = m.get("cuda.deviceMinor");
                gpus.add(new Gpu(name == null ? "unnamed GPU" : name.toString().trim(),
                        m.get("cuda.totalMemory") instanceof Number n ? n.longValue() : -1,
                        major == null ? "" : major + (minor == null ? "" : "." + minor)));
            }
        }
        return new GpuDevices(gpus);
    }

    public boolean isEmpty() { return gpus.isEmpty(); }

    /** "NVIDIA RTX A4000, 16.0 GB, compute 8.6" (and "+ 1 more GPU"), or "" without GPUs. */
    public String describe() {
        if (gpus.isEmpty()) return "";
        String first = gpus.get(0).describe();
        int more = gpus.size() - 1;
        return more == 0 ? first : first + " (+ " + more + " more GPU" + (more == 1 ? "" : "s") + ")";
    }
}
