package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/** UMAP says plainly when its native library is missing (macosx-arm64), instead of failing later. */
class UmapAvailabilityTest {
    @Test
    void missingArpackNativesMakeUmapUnavailableWithAReason() {
        String reason = UmapProjector.unavailableReason(() -> {
            throw new UnsatisfiedLinkError("no jniarpack in java.library.path");
        }, "macosx-arm64");
        assertTrue(reason.contains("UMAP is not available on this platform (macosx-arm64)"), reason);
        assertTrue(reason.contains("t-SNE or PCA"), reason);
    }

    @Test
    void umapIsAvailableWhereItsNativesShip() {
        assertNull(UmapProjector.unavailableReason(() -> { }, "linux-x86_64"));
        assertTrue(UmapProjector.available(), "this build ships arpack-ng for " + Loader.getPlatform());
    }
}
