package io.github.latentlab.fuzz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.data.IdxFormat;
import io.github.latentlab.data.IdxFormatException;
import io.github.latentlab.data.ImageFolderDataset;
import io.github.latentlab.model.CraftedModels;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelFileException;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.training.Checkpoints;
import io.github.latentlab.training.RunPlan;
import io.github.latentlab.training.RunStatus;
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
            new RunJson());

    public static FuzzTarget byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fuzz target " + name));
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

    static String utf8(byte[] b) { return new String(b, StandardCharsets.UTF_8); }
}
