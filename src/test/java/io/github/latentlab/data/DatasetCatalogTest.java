package io.github.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.data.Downloader.RemoteFile;
import io.github.latentlab.data.catalog.DatasetCatalog;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

class DatasetCatalogTest {
    @TempDir
    Path dir;

    private DatasetCatalog catalog(Path debianRoot, List<RemoteDataset> remotes) {
        Downloader downloader = new Downloader(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(5), Duration.ofSeconds(5));
        return new DatasetCatalog(debianRoot, dir.resolve("cache"), downloader, remotes);
    }

    private DatasetCatalog offlineCatalog() {
        return catalog(dir.resolve("no-debian"), RemoteDataset.defaults());
    }

    /** Writes the four official file names with {@code train} + {@code test} small images. */
    private static void writeOfficialFiles(Path folder, int train, int test) throws Exception {
        IdxFormat.write(folder.resolve("train-images-idx3-ubyte.gz"), folder.resolve("train-labels-idx1-ubyte.gz"),
                IdxTestFiles.randomPixels(train, 28, 1), IdxTestFiles.labels(train), 28, true);
        IdxFormat.write(folder.resolve("t10k-images-idx3-ubyte"), folder.resolve("t10k-labels-idx1-ubyte"),
                IdxTestFiles.randomPixels(test, 28, 2), IdxTestFiles.labels(test), 28, false);
    }

    @Test
    void unknownIdsAreRejectedWithTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> offlineCatalog().load("cifar", Progress.NONE, Cancellation.none()));
        assertEquals("Unknown dataset 'cifar'. Known: builtin-digits, fashion-mnist, mnist, kmnist, fashion-mnist-sample, "
                + "idx:IMAGES,LABELS, folder:PATH", e.getMessage());
    }

    @Test
    void withNothingInstalledTheAppOpensOnBuiltinDigits() {
        DatasetCatalog catalog = offlineCatalog();
        assertEquals("builtin-digits", catalog.defaultId());
        List<DatasetInfo> infos = catalog.available();
        assertEquals(List.of("builtin-digits", "fashion-mnist", "mnist", "kmnist", "fashion-mnist-sample"),
                infos.stream().map(DatasetInfo::id).toList());
        assertTrue(infos.get(0).availableOffline());
        for (DatasetInfo info : infos.subList(1, 4)) {
            assertFalse(info.availableOffline(), info.id());
            assertTrue(info.location().startsWith("download"), info.location());
        }
        assertTrue(infos.get(2).location().contains("11.6 MB"), infos.get(2).location());
    }

    @Test
    void installedFashionMnistBecomesTheDefaultAndLoadsWithItsClassNames() throws Exception {
        Path debian = dir.resolve("debian");
        writeOfficialFiles(debian.resolve("fashion-mnist"), 30, 10);
        DatasetCatalog catalog = catalog(debian, RemoteDataset.defaults());

        assertEquals("fashion-mnist", catalog.defaultId());
        assertTrue(catalog.available().get(1).availableOffline());
        DatasetSplit split = catalog.load("fashion-mnist", Progress.NONE, Cancellation.none());

        assertEquals("fashion-mnist", split.id());
        assertEquals(30, split.train().size());
        assertEquals(10, split.test().size());
        assertEquals("Ankle boot", split.train().classNames().get(9));
    }

    @Test
    void filesCopiedIntoTheCacheAreUsedWithoutNetwork() throws Exception {
        writeOfficialFiles(dir.resolve("cache/kmnist"), 20, 5);
        DatasetCatalog catalog = offlineCatalog();
        assertTrue(catalog.available().get(3).availableOffline());
        DatasetSplit split = catalog.load("kmnist", Progress.NONE, Cancellation.none());
        assertEquals(20, split.train().size());
        assertEquals(List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo"), split.train().classNames());
    }

    @Test
    void idxSpecsHoldOutASeededTenPercent() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "x", 200, true);
        String spec = "idx:" + pair[0] + "," + pair[1];
        DatasetCatalog catalog = offlineCatalog();

        DatasetSplit a = catalog.load(spec, Progress.NONE, Cancellation.none());
        DatasetSplit b = catalog.load(spec, Progress.NONE, Cancellation.none());

        assertEquals(spec, a.id());
        assertEquals(180, a.train().size());
        assertEquals(20, a.test().size());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), a.train().classNames());
    }

    @Test
    void anIdxSpecWithOnlyImagesIsUnlabelled() throws Exception {
        Path[] pair = IdxTestFiles.writePair(dir, "x", 20, false);
        DatasetSplit split = offlineCatalog().load("idx:" + pair[0], Progress.NONE, Cancellation.none());
        assertEquals(List.of("unlabelled"), split.train().classNames());
        assertEquals(18 + 2, split.train().size() + split.test().size());
        assertThrows(IllegalArgumentException.class,
                () -> offlineCatalog().load("idx:a,b,c", Progress.NONE, Cancellation.none()));
    }

    @Test
    void folderSpecsLoadImagesAndHoldOutTenPercent() throws Exception {
        Path folder = dir.resolve("pics");
        for (String cls : List.of("a", "b")) {
            Files.createDirectories(folder.resolve(cls));
            for (int i = 0; i < 10; i++) {
                BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setSample(i, 5, 0, 255);
                ImageIO.write(img, "png", folder.resolve(cls + "/" + i + ".png").toFile());
            }
        }
        List<String> messages = new ArrayList<>();
        DatasetSplit split = offlineCatalog().load("folder:" + folder, (f, m) -> messages.add(m), Cancellation.none());
        assertEquals("folder:" + folder, split.id());
        assertEquals(18, split.train().size());
        assertEquals(2, split.test().size());
        assertEquals(List.of("a", "b"), split.train().classNames());
        assertTrue(messages.get(messages.size() - 1).startsWith("Loaded 20 images in 2 classes"));
    }

    @Test
    void anExplicitTestSpecUsesItsTestPartOrItsWhole() throws Exception {
        Path[] big = IdxTestFiles.writePair(dir, "big", 50, true);
        Path[] small = IdxTestFiles.writePair(dir, "small", 7, true);
        writeOfficialFiles(dir.resolve("cache/mnist"), 30, 10);
        DatasetCatalog catalog = offlineCatalog();
        String bigSpec = "idx:" + big[0] + "," + big[1];

        DatasetSplit whole = catalog.load(bigSpec, "idx:" + small[0] + "," + small[1], Progress.NONE, Cancellation.none());
        assertEquals(50, whole.train().size());
        assertEquals(7, whole.test().size());

        DatasetSplit official = catalog.load(bigSpec, "mnist", Progress.NONE, Cancellation.none());
        assertEquals(10, official.test().size());
        assertEquals(bigSpec + "|test=mnist", official.id());

        DatasetSplit mnistTrain = catalog.load("mnist", bigSpec, Progress.NONE, Cancellation.none());
        assertEquals(30, mnistTrain.train().size());
        assertEquals(50, mnistTrain.test().size());
    }

    @Test
    void builtinDigitsLoadOnceAndComeFromMemoryAfterwards() throws Exception {
        DatasetCatalog catalog = offlineCatalog();
        DatasetSplit first = catalog.load("builtin-digits", Progress.NONE, Cancellation.none());
        DatasetSplit second = offlineCatalog().load("builtin-digits", Progress.NONE, Cancellation.none());
        assertEquals("builtin-digits", first.id());
        assertEquals(20_000, first.train().size());
        assertEquals(4_000, first.test().size());
        assertTrue(first == second);
    }

    @Test
    void missingDatasetsAreDownloadedIntoTheCache() throws Exception {
        Path source = dir.resolve("served");
        Files.createDirectories(source);
        IdxFormat.write(source.resolve("train-images-idx3-ubyte.gz"), source.resolve("train-labels-idx1-ubyte.gz"),
                IdxTestFiles.randomPixels(40, 28, 1), IdxTestFiles.labels(40), 28, true);
        IdxFormat.write(source.resolve("t10k-images-idx3-ubyte.gz"), source.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxTestFiles.randomPixels(10, 28, 2), IdxTestFiles.labels(10), 28, true);
        try (LocalFileServer server = new LocalFileServer()) {
            List<RemoteFile> files = new ArrayList<>();
            for (RemoteFile f : RemoteDataset.mnist().files()) {
                byte[] bytes = Files.readAllBytes(source.resolve(f.name()));
                server.files.put(f.name(), bytes);
                files.add(new RemoteFile(f.name(), bytes.length, DownloaderTest.md5(bytes)));
            }
            RemoteDataset local = new RemoteDataset("mnist", "MNIST", RemoteDataset.mnist().classNames(),
                    List.of(server.base()), files);
            DatasetCatalog catalog = catalog(dir.resolve("no-debian"), List.of(local));

            DatasetSplit split = catalog.load("mnist", Progress.NONE, Cancellation.none());

            assertEquals(40, split.train().size());
            assertEquals(10, split.test().size());
            assertTrue(Files.exists(dir.resolve("cache/mnist/t10k-labels-idx1-ubyte.gz")));
            assertTrue(catalog.available().get(1).availableOffline());
        }
    }

    @Test
    void withoutNetworkTheMessageSaysWhereToPutTheFiles() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RemoteDataset unreachable = RemoteDataset.mnist().withMirrors(List.of(URI.create("http://127.0.0.1:" + port + "/")));
        DatasetCatalog catalog = catalog(dir.resolve("no-debian"), List.of(unreachable));

        var e = assertThrows(DownloadException.class, () -> catalog.load("mnist", Progress.NONE, Cancellation.none()));

        assertTrue(e.offline());
        assertEquals("Could not download MNIST: no network connection (127.0.0.1: connection refused). "
                + "Put the four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) in " + dir.resolve("cache/mnist")
                + " or use builtin-digits.", e.getMessage());
    }

    /** Without Fashion-MNIST or a network, its shipped models still show their data: the sample in the app. */
    @Test
    void theFashionSampleStandsInOffline() throws Exception {
        DatasetCatalog catalog = offlineCatalog();
        assertEquals(DatasetCatalog.FASHION_SAMPLE, catalog.offlineStandIn("fashion-mnist"));
        assertEquals(null, catalog.offlineStandIn("builtin-digits"));
        DatasetSplit sample = catalog.load(DatasetCatalog.FASHION_SAMPLE, Progress.NONE, Cancellation.none());
        assertEquals(3_000, sample.train().size());
        assertEquals(2_000, sample.test().size());
        assertEquals("Ankle boot", sample.test().classNames().get(sample.test().label(0)));
        assertTrue(Files.isRegularFile(dir.resolve("cache/fashion-mnist-sample/t10k-images-idx3-ubyte.gz")));
        // the second time it reads the copy in the cache
        assertEquals(2_000, catalog.load(DatasetCatalog.FASHION_SAMPLE, Progress.NONE, Cancellation.none()).test().size());
        assertTrue(catalog.available().stream().anyMatch(d -> d.id().equals(DatasetCatalog.FASHION_SAMPLE) && d.availableOffline()));

        Files.createDirectories(dir.resolve("debian/fashion-mnist"));
        writeOfficialFiles(dir.resolve("debian/fashion-mnist"), 20, 10);
        assertEquals(null, catalog(dir.resolve("debian"), RemoteDataset.defaults()).offlineStandIn("fashion-mnist"));
    }

    @Test
    void debiansFashionMnistLoadsInFull() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")),
                "Debian package dataset-fashion-mnist is not installed");
        DatasetCatalog catalog = new DatasetCatalog(DatasetCatalog.DEBIAN_ROOT, dir.resolve("cache"), new Downloader(),
                RemoteDataset.defaults());
        assertEquals("fashion-mnist", catalog.defaultId());

        long t0 = System.nanoTime();
        DatasetSplit split = catalog.load("fashion-mnist", Progress.NONE, Cancellation.none());
        System.out.println("Fashion-MNIST from Debian read in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

        assertEquals(60_000, split.train().size());
        assertEquals(10_000, split.test().size());
        assertEquals(10, split.train().classCount());
        for (int c = 0; c < 10; c++) assertEquals(6_000, split.train().indicesOfClass(c).length);
        float max = 0;
        for (float v : split.train().image(0)) max = Math.max(max, v);
        assertEquals(1f, max, 1e-6); // real images reach full white
    }

    @Test
    void concatKeepsBothSetsInOrderWithTheirSharedFactors() {
        Dataset a = new Dataset("a", 2, new float[] {1, 1, 1, 1, 2, 2, 2, 2}, new int[] {0, 1}, List.of("x", "y"),
                Map.of("slant", new float[] {0.1f, 0.2f}, "only-a", new float[] {5, 6}));
        Dataset b = new Dataset("b", 2, new float[] {3, 3, 3, 3}, new int[] {1}, List.of("x", "y"),
                Map.of("slant", new float[] {0.3f}));
        Dataset all = Dataset.concat("all", a, b);
        assertEquals(3, all.size());
        assertEquals(3f, all.image(2)[0]);
        assertArrayEquals(new int[] {0, 1, 1}, all.labels());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, all.factors().get("slant"));
        assertEquals(Set.of("slant"), all.factors().keySet());
        assertThrows(IllegalArgumentException.class, () -> Dataset.concat("bad", a,
                new Dataset("c", 2, new float[4], new int[] {0}, List.of("p", "q"), null)));
    }
}
