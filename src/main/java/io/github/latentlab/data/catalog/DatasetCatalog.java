package io.github.latentlab.data.catalog;

import io.github.latentlab.data.Downloader.RemoteFile;
import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetInfo;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.DownloadException;
import io.github.latentlab.data.Downloader;
import io.github.latentlab.data.IdxFormat;
import io.github.latentlab.data.ImageFolderDataset;
import io.github.latentlab.data.RemoteDataset;
import io.github.latentlab.data.generators.BuiltinDigits;
import io.github.latentlab.util.AppDirs;
import io.github.latentlab.util.AtomicFiles;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Message;
import io.github.latentlab.util.Problems;
import io.github.latentlab.util.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Turns a dataset spec into a training and a test set. Specs:
 * <ul>
 *   <li>{@code builtin-digits}: {@link BuiltinDigits#standard()}, generated once per process;</li>
 *   <li>{@code fashion-mnist}, {@code mnist}, {@code kmnist}: the official 60,000 / 10,000 split, read
 *       from Debian's {@code /usr/share/datasets/<id>/} if installed (package dataset-fashion-mnist),
 *       else from the cache {@code AppDirs.datasetCache()/<id>/}, else downloaded into that cache;</li>
 *   <li>{@code fashion-mnist-sample}: 3,000 training and 2,000 test images of Fashion-MNIST that come
 *       with the app, so its shipped Fashion-MNIST models show their data offline;</li>
 *   <li>{@code idx:IMAGES,LABELS} (or {@code idx:IMAGES} for unlabelled images): any IDX pair;</li>
 *   <li>{@code folder:PATH}: a folder of images, one sub-folder per class ({@link ImageFolderDataset}).</li>
 * </ul>
 * Specs without a test set of their own (idx, folder) hold out a seeded 10% for testing.
 * The {@link DatasetSplit} id is the spec.
 *
 * <p>Files in the cache folder may be gzip-compressed or not: {@code train-images-idx3-ubyte.gz}
 * or {@code train-images-idx3-ubyte}, and so on.
 */
public final class DatasetCatalog {
    public static final String BUILTIN_DIGITS = BuiltinDigits.ID;
    public static final String FASHION_MNIST = "fashion-mnist";
    /** The slice of Fashion-MNIST packed into the app (resources/datasets/). */
    public static final String FASHION_SAMPLE = "fashion-mnist-sample";
    public static final String MNIST = "mnist";
    public static final String KMNIST = "kmnist";
    public static final Path DEBIAN_ROOT = Path.of("/usr/share/datasets");
    /** Share of an idx: or folder: dataset held out for testing, and the seed choosing it. */
    public static final double HOLD_OUT_FRACTION = 0.1;
    public static final long HOLD_OUT_SEED = 42;

    private static final Object BUILTIN_LOCK = new Object();
    private static DatasetSplit builtinDigits;

    private final Path debianRoot;
    private final Path cacheRoot;
    private final Downloader downloader;
    private final Map<String, RemoteDataset> remotes = new LinkedHashMap<>();

    /** Debian's dataset folder, the app's cache, the real mirrors. */
    public DatasetCatalog() {
        this(DEBIAN_ROOT, AppDirs.datasetCache(), new Downloader(), RemoteDataset.defaults());
    }

    /** Like {@link #DatasetCatalog()} but looking for system-installed datasets under {@code debianRoot}. */
    public DatasetCatalog(Path debianRoot) {
        this(debianRoot, AppDirs.datasetCache(), new Downloader(), RemoteDataset.defaults());
    }

    /**
     * @param debianRoot folder holding {@code <id>/} folders of system-installed datasets
     * @param cacheRoot folder holding {@code <id>/} folders of downloaded or hand-copied datasets
     * @param remoteDatasets what can be downloaded, and from where
     */
    public DatasetCatalog(Path debianRoot, Path cacheRoot, Downloader downloader, List<RemoteDataset> remoteDatasets) {
        this.debianRoot = Objects.requireNonNull(debianRoot, "debianRoot");
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        for (RemoteDataset r : remoteDatasets) remotes.put(r.id(), r);
    }

    /** The named datasets, built-in first. */
    public List<String> knownIds() {
        List<String> ids = new ArrayList<>();
        ids.add(BUILTIN_DIGITS);
        ids.addAll(remotes.keySet());
        if (remotes.containsKey(FASHION_MNIST)) ids.add(FASHION_SAMPLE);
        return ids;
    }

    /** One entry per named dataset, saying whether it loads without a network right now. */
    public List<DatasetInfo> available() {
        List<DatasetInfo> out = new ArrayList<>();
        out.add(new DatasetInfo(BUILTIN_DIGITS, "Built-in digits",
                String.format(Locale.ROOT, "%,d handwriting-like digits 0-9 drawn by the app, with known slant, "
                                + "rotation, scale and stroke width", BuiltinDigits.STANDARD_TRAIN + BuiltinDigits.STANDARD_TEST),
                true, "generated in memory"));
        for (RemoteDataset r : remotes.values()) {
            Path installed = localFolder(r);
            String where;
            if (installed != null) {
                where = installed.toString();
            } else {
                long bytes = r.downloadBytes();
                where = "download" + (bytes > 0 ? String.format(Locale.ROOT, " (%.1f MB)", bytes / 1e6) : "")
                        + " into " + cacheFolder(r.id());
            }
            out.add(new DatasetInfo(r.id(), r.displayName(), description(r), installed != null, where));
        }
        if (remotes.containsKey(FASHION_MNIST)) {
            out.add(new DatasetInfo(FASHION_SAMPLE, "Fashion-MNIST sample", "3,000 training and 2,000 test images of "
                    + "Fashion-MNIST, enough to look at a model offline", true, "comes with the app"));
        }
        return out;
    }

    /** Fashion-MNIST when it is installed or cached, else the built-in digits: never needs a network. */
    public String defaultId() {
        RemoteDataset fashion = remotes.get(FASHION_MNIST);
        return fashion != null && localFolder(fashion) != null ? FASHION_MNIST : BUILTIN_DIGITS;
    }

    /**
     * The dataset to show a model of {@code id} with when {@code id} itself would need a download:
     * the sample of Fashion-MNIST that comes with the app; null when {@code id} is at hand or has no stand-in.
     */
    public String offlineStandIn(String id) {
        RemoteDataset r = remotes.get(id);
        return id.equals(FASHION_MNIST) && r != null && localFolder(r) == null ? FASHION_SAMPLE : null;
    }

    /** Where the files of a downloadable dataset are (or would be) cached. */
    public Path cacheFolder(String id) {
        return cacheRoot.resolve(id);
    }

    /** Loads a spec with its own test set (or a 10% hold-out). */
    public DatasetSplit load(String spec, Progress progress, Cancellation cancel) throws IOException {
        return load(spec, null, progress, cancel);
    }

    /**
     * Loads {@code trainSpec} for training and {@code testSpec} for testing. With a test spec, the
     * training set is the whole of the train spec (its training part if it has an official split),
     * and the test set is the test part of the test spec if it has an official split, else all of
     * it. Class names need not match: testing digits against a fashion model is allowed.
     *
     * @throws IllegalArgumentException for an unknown spec (the message lists the known ones)
     * @throws IOException if files are missing, malformed, or cannot be downloaded (the message
     *         says where to put the files by hand)
     */
    public DatasetSplit load(String trainSpec, String testSpec, Progress progress, Cancellation cancel)
            throws IOException {
        Objects.requireNonNull(trainSpec, "trainSpec");
        if (testSpec == null || testSpec.isBlank()) {
            Source source = open(trainSpec.trim(), progress, cancel);
            return source.official() != null ? source.official() : holdOut(trainSpec.trim(), source.whole());
        }
        Source train = open(trainSpec.trim(), scaled(progress, 0, 0.7), cancel);
        Source test = open(testSpec.trim(), scaled(progress, 0.7, 1), cancel);
        Dataset trainSet = train.official() != null ? train.official().train() : train.whole();
        Dataset testSet = test.official() != null ? test.official().test() : test.whole();
        return new DatasetSplit(trainSpec.trim() + "|test=" + testSpec.trim(), trainSet, testSet);
    }

    /** A loaded spec: either with an official split, or one whole dataset. */
    private record Source(DatasetSplit official, Dataset whole) { }

    private Source open(String spec, Progress progress, Cancellation cancel) throws IOException {
        if (spec.equals(BUILTIN_DIGITS)) return new Source(builtinDigits(progress), null);
        RemoteDataset remote = remotes.get(spec);
        if (remote != null) return new Source(loadRemote(remote, progress, cancel), null);
        if (spec.equals(FASHION_SAMPLE) && remotes.containsKey(FASHION_MNIST)) {
            return new Source(loadSample(remotes.get(FASHION_MNIST), progress, cancel), null);
        }
        if (spec.startsWith("idx:")) return new Source(null, loadIdx(spec, progress, cancel));
        if (spec.startsWith("folder:")) {
            Path folder = Path.of(spec.substring("folder:".length()).trim());
            ImageFolderDataset.LoadResult result = ImageFolderDataset.load(spec, folder, progress, cancel);
            progress.update(1, result.reportMessage());
            return new Source(null, result.dataset());
        }
        throw new Problems.BadArgument(Message.of("data.error.unknown", spec, String.join(", ", knownIds())));
    }

    private static DatasetSplit builtinDigits(Progress progress) {
        synchronized (BUILTIN_LOCK) {
            if (builtinDigits == null) {
                progress.update(-1, Message.of("data.progress.drawingDigits"));
                builtinDigits = BuiltinDigits.standard();
            }
            progress.update(1, Message.of("data.progress.digitsReady"));
            return builtinDigits;
        }
    }

    private Dataset loadIdx(String spec, Progress progress, Cancellation cancel) throws IOException {
        String[] paths = spec.substring("idx:".length()).split(",");
        if (paths.length == 1 && !paths[0].isBlank()) {
            return IdxFormat.readUnlabelled(spec, Path.of(paths[0].trim()), progress, cancel);
        }
        if (paths.length != 2 || paths[0].isBlank() || paths[1].isBlank()) {
            throw new Problems.BadArgument(Message.of("data.error.idxSpec", spec));
        }
        return IdxFormat.read(spec, Path.of(paths[0].trim()), Path.of(paths[1].trim()), null, progress, cancel);
    }

    private DatasetSplit loadRemote(RemoteDataset r, Progress progress, Cancellation cancel) throws IOException {
        Path folder = localFolder(r);
        if (folder == null) {
            download(r, scaled(progress, 0, 0.8), cancel);
            folder = cacheFolder(r.id());
            progress = scaled(progress, 0.8, 1);
        }
        List<Path> f = filesIn(folder, r);
        Dataset train = IdxFormat.read(r.id() + "#train", f.get(0), f.get(1), r.classNames(),
                scaled(progress, 0, 6.0 / 7), cancel);
        Dataset test = IdxFormat.read(r.id() + "#test", f.get(2), f.get(3), r.classNames(),
                scaled(progress, 6.0 / 7, 1), cancel);
        return new DatasetSplit(r.id(), train, test);
    }

    /** Copies the packed sample out of the app into the cache once (IDX files are read from disk), then reads it. */
    private DatasetSplit loadSample(RemoteDataset fashion, Progress progress, Cancellation cancel) throws IOException {
        Path folder = cacheFolder(FASHION_SAMPLE);
        List<Path> files = new ArrayList<>();
        for (RemoteFile file : fashion.files()) {
            Path target = folder.resolve(file.name());
            if (!Files.isRegularFile(target)) {
                try (InputStream in = DatasetCatalog.class.getResourceAsStream("/datasets/" + FASHION_SAMPLE + "/" + file.name())) {
                    if (in == null) throw new Problems.BadInput(Message.of("data.error.noSample", FASHION_SAMPLE));
                    AtomicFiles.write(target, in.readAllBytes());
                }
            }
            files.add(target);
        }
        Dataset train = IdxFormat.read(FASHION_SAMPLE + "#train", files.get(0), files.get(1), fashion.classNames(),
                scaled(progress, 0, 0.6), cancel);
        Dataset test = IdxFormat.read(FASHION_SAMPLE + "#test", files.get(2), files.get(3), fashion.classNames(),
                scaled(progress, 0.6, 1), cancel);
        return new DatasetSplit(FASHION_SAMPLE, train, test);
    }

    private void download(RemoteDataset r, Progress progress, Cancellation cancel) throws IOException {
        Path folder = cacheFolder(r.id());
        List<RemoteFile> files = r.files();
        for (int i = 0; i < files.size(); i++) {
            RemoteFile file = files.get(i);
            if (existing(folder, file) != null) continue;
            try {
                downloader.download(r.mirrors(), file, folder.resolve(file.name()), IdxFormat::verify,
                        scaled(progress, (double) i / files.size(), (double) (i + 1) / files.size()), cancel);
            } catch (DownloadException e) {
                String names = files.stream().map(RemoteFile::name).reduce((a, b) -> a + ", " + b).orElse("");
                List<String> offline = new ArrayList<>();
                for (DatasetInfo info : available()) if (info.availableOffline()) offline.add(info.id());
                throw new DownloadException(Message.of("data.error.downloadFailed", r.displayName(), e.userMessage(), names,
                        folder.toString(), String.join(" / ", offline)), e.offline(), e);
            }
        }
    }

    /** The folder holding all four files, Debian's first, then the cache; null if neither has them. */
    private Path localFolder(RemoteDataset r) {
        for (Path folder : List.of(debianRoot.resolve(r.id()), cacheFolder(r.id()))) {
            if (filesIn(folder, r) != null) return folder;
        }
        return null;
    }

    private static List<Path> filesIn(Path folder, RemoteDataset r) {
        List<Path> found = new ArrayList<>();
        for (RemoteFile file : r.files()) {
            Path p = existing(folder, file);
            if (p == null) return null;
            found.add(p);
        }
        return found;
    }

    /** The file as published ({@code x.gz}) or unpacked ({@code x}). */
    private static Path existing(Path folder, RemoteFile file) {
        Path gz = folder.resolve(file.name());
        if (Files.isRegularFile(gz)) return gz;
        String name = file.name();
        if (name.endsWith(".gz")) {
            Path raw = folder.resolve(name.substring(0, name.length() - 3));
            if (Files.isRegularFile(raw)) return raw;
        }
        return null;
    }

    private static String description(RemoteDataset r) {
        return switch (r.id()) {
            case FASHION_MNIST -> "70,000 photos of clothing in 10 classes (Zalando Research)";
            case MNIST -> "70,000 handwritten digits (LeCun, Cortes, Burges)";
            case KMNIST -> "70,000 cursive Japanese (Kuzushiji) characters in 10 classes (ROIS-CODH)";
            default -> r.displayName();
        };
    }

    /**
     * Splits {@code all} into a training set and a held-out test set of 10% (at least one image),
     * chosen by a fixed seed so every run holds out the same images; both keep the original order.
     * A single image is used for both.
     */
    static DatasetSplit holdOut(String id, Dataset all) {
        int n = all.size();
        if (n < 2) return new DatasetSplit(id, all, all);
        int testCount = Math.max(1, (int) Math.round(n * HOLD_OUT_FRACTION));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Random rnd = new Random(HOLD_OUT_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = Arrays.copyOfRange(order, 0, testCount);
        int[] train = Arrays.copyOfRange(order, testCount, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new DatasetSplit(id, all.subset(id + "#train", train), all.subset(id + "#test", test));
    }

    /** Maps a sub-task's progress into [from, to] of the whole; unknown (negative) stays unknown. */
    private static Progress scaled(Progress p, double from, double to) {
        return Progress.mapped(p, fraction -> fraction < 0 ? fraction : from + (to - from) * fraction);
    }
}
