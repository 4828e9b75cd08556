package io.github.latentlab.fuzz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.IdxFormat;
import io.github.latentlab.data.IdxFormatException;
import io.github.latentlab.data.ImageFolderDataset;
import io.github.latentlab.data.generators.BuiltinDigits;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.model.CraftedModels;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelFileException;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.model.TrainableAutoencoder;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.session.MapLayout;
import io.github.latentlab.session.MapSettings;
import io.github.latentlab.session.Session;
import io.github.latentlab.session.SessionFile;
import io.github.latentlab.session.SessionFileException;
import io.github.latentlab.session.SessionLesson;
import io.github.latentlab.session.SessionModel;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.timeline.TimelineFileException;
import io.github.latentlab.timeline.TimelineImages;
import io.github.latentlab.training.Checkpoints;
import io.github.latentlab.training.RunMetadata;
import io.github.latentlab.training.RunPlan;
import io.github.latentlab.training.RunStatus;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/** Every reader of a file a user may be handed, one line each. */
public final class FuzzTargets {
    private FuzzTargets() { }

    public static final List<FuzzTarget> ALL = List.of(
            new Idx(),
            new Model("llab-dense", CraftedModels.DENSE),
            new Model("llab-vae", CraftedModels.VAE),
            new Model("llab-conv", new ModelSpec(ModelKind.CONV, List.of(4, 8), 4, LossKind.MSE, 1e-3, 0)),
            new ImageFolder(),
            new RunJson(),
            new TimelineTarget(),
            new SessionTarget());

    public static FuzzTarget byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fuzz target " + name));
    }

    /** The targets named in {@code -Dfuzz.targets=a,b} (a long run of a new reader alone), else all. */
    public static List<FuzzTarget> selected() {
        String names = System.getProperty("fuzz.targets", "").strip();
        if (names.isEmpty()) return ALL;
        return Arrays.stream(names.split(",")).map(String::strip).map(FuzzTargets::byName).toList();
    }

    /** IDX image files, raw and gzipped, as datasets are read. */
    static final class Idx implements FuzzTarget {
        @Override public String name() { return "idx"; }

        @Override public List<Path> seeds(Path dir) throws IOException {
            float[] pixels = new float[20 * Dataset.PIXELS];
            for (int i = 0; i < pixels.length; i++) pixels[i] = (i * 7 % 256) / 255f;
            int[] labels = new int[20];
            Path raw = dir.resolve("images.idx"), gz = dir.resolve("images.idx.gz");
            IdxFormat.write(raw, dir.resolve("labels.idx"), pixels, labels, Dataset.SIDE, false);
            IdxFormat.write(gz, dir.resolve("labels.idx.gz"), pixels, labels, Dataset.SIDE, true);
            return List.of(raw, gz);
        }

        @Override public void read(Path file) throws IOException {
            IdxFormat.readUnlabelled("fuzz", file, Progress.NONE, new Cancellation());
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof IdxFormatException; }
    }

    /** A saved model ({@code .llab}) of one kind, loaded for use. */
    record Model(String name, ModelSpec spec) implements FuzzTarget {
        @Override public List<Path> seeds(Path dir) throws IOException {
            return List.of(CraftedModels.genuine(dir.resolve(name + ".llab"), spec));
        }

        @Override public void read(Path file) throws IOException {
            ModelStore.load(file);
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof ModelFileException; }
    }

    /** One image in a class folder, as a user's image folder is loaded. */
    static final class ImageFolder implements FuzzTarget {
        @Override public String name() { return "image-folder"; }

        @Override public List<Path> seeds(Path dir) throws IOException {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) img.setRGB(x, y, (x * 9) << 16 | (y * 9) << 8 | 40);
            Path png = dir.resolve("image.png"), jpg = dir.resolve("image.jpg"), bmp = dir.resolve("image.bmp");
            ImageIO.write(img, "png", png.toFile());
            ImageIO.write(img, "jpg", jpg.toFile());
            ImageIO.write(img, "bmp", bmp.toFile());
            return List.of(png, jpg, bmp);
        }

        @Override public void read(Path file) throws IOException {
            Path folder = Files.createTempDirectory("fuzz-folder");
            try {
                Files.createDirectories(folder.resolve("a"));
                Files.copy(file, folder.resolve("a").resolve("x" + extension(file)));
                ImageFolderDataset.load(folder, Progress.NONE, new Cancellation());
            } finally {
                try (var s = Files.walk(folder)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }

        private static String extension(Path file) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot < 0 ? ".png" : n.substring(dot);
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof IOException; }
    }

    /** A run folder's {@code run.json}, as the Runs tab and {@code train --resume} open it. */
    static final class RunJson implements FuzzTarget {
        @Override public String name() { return "run-json"; }

        @Override public List<Path> seeds(Path dir) throws IOException {
            Checkpoints run = Checkpoints.create(dir.resolve("runs"), new RunPlan("ae builtin-digits", "builtin-digits",
                    "fashion-mnist", 5, 128, 42, RunStatus.FINISHED, "finished 5 epochs"));
            Path seed = dir.resolve("run.json");
            Files.write(seed, Files.readAllBytes(run.folder().resolve("run.json")));
            return List.of(seed);
        }

        @Override public void read(Path file) throws IOException {
            Path folder = Files.createTempDirectory("fuzz-run");
            try {
                Files.write(folder.resolve("run.json"), Files.readAllBytes(file));
                Checkpoints.open(folder);
            } finally {
                Files.deleteIfExists(folder.resolve("run.json"));
                Files.deleteIfExists(folder);
            }
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof IOException; }
    }

    /**
     * A training timeline ({@code .timeline}), as opening a model reads the one beside it: a real
     * one of a small model over 40 images and four epochs (kept models at 1 and 3), about 60 kB.
     */
    static final class TimelineTarget implements FuzzTarget {
        @Override public String name() { return "timeline"; }

        @Override public List<Path> seeds(Path dir) throws IOException {
            DatasetSplit data = BuiltinDigits.generate(40, 40, 7);
            TrainableAutoencoder model = TrainableAutoencoder.create(
                    new ModelSpec(ModelKind.AE, List.of(8), 2, LossKind.MSE, 1e-3, 0), data.test().pixelCount(), 1);
            ModelMetadata meta = RunMetadata.of(new TrainingConfig(model.spec(), 3, 8, 1), model.inputSize(), data,
                    new TrainingHistory());
            Timeline t = Timeline.start(meta, TimelineImages.choose(data.test()));
            for (int e = 0; e <= 3; e++) t = t.with(e, model, meta);
            Path seed = dir.resolve("run" + TimelineFile.EXTENSION);
            TimelineFile.write(seed, t);
            return List.of(seed);
        }

        @Override public void read(Path file) throws IOException {
            TimelineFile.read(file);
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof TimelineFileException; }
    }

    /**
     * A session ({@code .llsession}), as File › Open session reads it: one carrying a (fake,
     * unparsed) model, a timeline, a layout and a lesson, and a minimal one naming a shipped model.
     */
    static final class SessionTarget implements FuzzTarget {
        @Override public String name() { return "session"; }

        @Override public List<Path> seeds(Path dir) throws IOException {
            byte[] model = new byte[2048], timeline = new byte[512];
            for (int i = 0; i < model.length; i++) model[i] = (byte) (i * 37 + 11);
            for (int i = 0; i < timeline.length; i++) timeline[i] = (byte) (i * 13);
            double[][] xy = new double[60][];
            for (int i = 0; i < xy.length; i++) xy[i] = new double[] {Math.cos(i) * 20, Math.sin(i * 0.3) * 15};
            Session full = new Session(1, "1.0", "fashion-mnist", "0123456789abcdef",
                    new SessionModel.Embedded("class model.llab", model, timeline),
                    new MapSettings(MapMethod.TSNE, MapImages.TEST, 2000, 0, 1, 30, 1000, 15, 42),
                    new MapLayout(xy, 3), 5, List.of(1, 7), NoiseKind.GAUSSIAN, 0.4, 3, "latent",
                    new SessionLesson.Embedded("lesson.md", "# A lesson\n\n1. Open a model.\n".getBytes(StandardCharsets.UTF_8), 1));
            Session minimal = new Session(1, "1.0", null, "", new SessionModel.Shipped("fashion-ae-latent2", "0f".repeat(32)),
                    MapSettings.DEFAULT, null, -1, List.of(), NoiseKind.MASK, 0.2, -1, "noise",
                    new SessionLesson.Shipped("01-autoencoder", 2));
            Path a = dir.resolve("full" + SessionFile.EXTENSION), b = dir.resolve("minimal" + SessionFile.EXTENSION);
            SessionFile.write(a, full);
            SessionFile.write(b, minimal);
            return List.of(a, b);
        }

        @Override public void read(Path file) throws IOException {
            SessionFile.read(file);
        }

        @Override public boolean isRefusal(Throwable t) { return t instanceof SessionFileException; }
    }

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
