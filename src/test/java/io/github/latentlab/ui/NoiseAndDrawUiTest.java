package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.data.noise.NoiseKind;
import io.github.latentlab.data.noise.NoiseSpec;
import io.github.latentlab.model.DenoisedRows;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.NoiseTrail;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.controls.ImageGrid;
import io.github.latentlab.ui.controls.ScatterView;
import io.github.latentlab.ui.draw.DrawViewModel;
import io.github.latentlab.ui.fx.Snapshots;
import io.github.latentlab.ui.latent.LatentPane;
import io.github.latentlab.ui.latent.LatentViewModel;
import io.github.latentlab.ui.noise.NoiseViewModel;

/** The noise and draw panes headless: the slider moves the rows and scores; drawing is reconstructed. */
class NoiseAndDrawUiTest extends WindowTest {
    @Start
    void start(Stage stage) {
        show(stage);
    }

    @Test
    void movingTheSliderChangesNoisyAndDenoisedRowsAndTheirScores(FxRobot robot) throws Exception {
        showTrainedModel(robot, 2);
        NoiseViewModel noise = window.noiseViewModel();
        waitUntil(() -> noise.resultProperty().get() != null && noise.resultProperty().get().denoised() != null);
        waitUntil(() -> noise.curve().size() == 11);

        DenoisedRows before = noise.resultProperty().get();
        String summaryBefore = noise.summaryProperty().get();
        Slider slider = robot.lookup("#noise-level").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.6));
        waitUntil(() -> noise.resultProperty().get().noise().level() == 0.6);
        // the view model sets the rows, then their summary, in one FX callback: this thread can
        // read between the two (CI saw the old summary once), so wait for the callback to finish
        robot.interact(() -> { });
        DenoisedRows after = noise.resultProperty().get();
        assertFalse(Arrays.equals(before.noisy()[0], after.noisy()[0]), "the noisy row changed");
        assertFalse(Arrays.equals(before.denoised()[0], after.denoised()[0]), "the denoised row changed");
        assertNotEquals(summaryBefore, noise.summaryProperty().get(), "the PSNR/SSIM text changed");
        assertTrue(Arrays.stream(after.noisyPsnr()).average().orElseThrow()
                < Arrays.stream(before.noisyPsnr()).average().orElseThrow(), "more noise, lower PSNR");
        assertTrue(Arrays.stream(after.denoisedPsnr()).average().orElseThrow()
                > Arrays.stream(after.noisyPsnr()).average().orElseThrow(), "the denoising model helps");
        System.out.printf("noise pane: %d images computed in %.1f ms%n", after.indices().length, after.millis());

        // the noise trail: 50 noisy copies of the selected image on the latent map, moving with the slider
        waitUntil(() -> noise.trailProperty().get() != null
                && robot.lookup("#trail-map").queryAs(ScatterView.class).overlay().size() == 51);
        var trail06 = noise.trailProperty().get();
        assertEquals(NoiseTrail.COPIES, trail06.noisy().length);
        assertTrue(trail06.posterior() == null, "a plain DAE has no posterior ellipse");
        robot.interact(() -> slider.setValue(0.1));
        waitUntil(() -> noise.trailProperty().get() != trail06 && noise.resultProperty().get().noise().level() == 0.1);
        var trail01 = noise.trailProperty().get();
        assertTrue(spread(trail01) < spread(trail06), "less noise, tighter cloud: " + spread(trail01) + " vs " + spread(trail06));
        assertTrue(trail01.spread() < trail06.spread());
        // clicking another image makes the trail follow it
        var grid = robot.lookup("#noise-grid").queryAs(ImageGrid.class);
        var gb = grid.localToScreen(grid.getBoundsInLocal());
        double[] hit = null;
        for (double gx = 0; gx < grid.getWidth() && hit == null; gx += 4) {
            for (double gy = 0; gy < grid.getHeight() && hit == null; gy += 4) {
                if (grid.imageAt(gx, gy) == 3) hit = new double[] {gx + 6, gy + 6};
            }
        }
        assertNotNull(hit, "image 3 is drawn");
        robot.clickOn(gb.getMinX() + hit[0], gb.getMinY() + hit[1]);
        waitUntil(() -> noise.selectedProperty().get() == 3);
        waitUntil(() -> noise.trailProperty().get() != trail01);
        assertFalse(Arrays.equals(trail01.clean(), noise.trailProperty().get().clean()), "another image, another place on the map");
        robot.interact(() -> slider.setValue(0.4));
        waitUntil(() -> noise.trailProperty().get().noisy() != null && noise.resultProperty().get().noise().level() == 0.4);
        // what one trail update costs (50 copies noised, encoded, placed on the map): printed, not asserted
        var trailMap = window.latentViewModel().mapProperty().get();
        var trailData = state.data().test();
        double[] trailMs = new double[40];
        for (int k = 0; k < trailMs.length; k++) {
            long t0 = System.nanoTime();
            NoiseTrail.of(trailMap, trailData.image(3), trailData.label(3),
                    new NoiseSpec(NoiseKind.GAUSSIAN, 0.01 * k), k);
            trailMs[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(trailMs);
        System.out.printf("noise trail: one update on a %d-point map in %.1f ms (median of 40), max %.1f ms%n",
                trailMap.labels().length, trailMs[20], trailMs[39]);
        Path trailPng = Path.of("target", "snapshots", "noise-pane-trail.png");
        Files.createDirectories(trailPng.getParent());
        Snapshots.write(WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS), trailPng);

        robot.interact(() -> {
            noise.kindProperty().set(NoiseKind.SALT_PEPPER);
            slider.setValue(0.15);
        });
        waitUntil(() -> noise.resultProperty().get().noise().kind() == NoiseKind.SALT_PEPPER);
        robot.clickOn("#train-on-noise");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.tabs().getSelectionModel().getSelectedIndex(), "back on the training tab");
        assertEquals(ModelKind.DAE, window.trainingViewModel().form().kindProperty().get());
        assertEquals(NoiseKind.SALT_PEPPER, window.trainingViewModel().form().noiseKindProperty().get());
        assertEquals(0.15, window.trainingViewModel().form().noiseLevelProperty().get(), 1e-9);
        assertEquals(NoiseKind.SALT_PEPPER, window.trainingViewModel().form().spec().noiseKind());
        robot.interact(() -> {
            noise.kindProperty().set(NoiseKind.GAUSSIAN);
            slider.setValue(0.3);
        });

        robot.interact(() -> window.tabs().getSelectionModel().select(2));
        Path png = Path.of("target", "snapshots", "noise-pane.png");
        Files.createDirectories(png.getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);
        assertNotNull(image);
    }

    @Test
    void drawingOnTheCanvasIsReconstructedLiveWithItsNearestTrainingImages(FxRobot robot) throws Exception {
        showTrainedModel(robot, 3);
        DrawViewModel draw = window.drawViewModel();
        var canvas = robot.lookup("#draw-canvas").query();
        var bounds = canvas.localToScreen(canvas.getBoundsInLocal());
        // a vertical stroke, like a 1
        robot.drag(bounds.getMinX() + bounds.getWidth() * 0.5, bounds.getMinY() + bounds.getHeight() * 0.2)
                .dropTo(bounds.getMinX() + bounds.getWidth() * 0.5, bounds.getMinY() + bounds.getHeight() * 0.8);
        waitUntil(() -> draw.resultProperty().get() != null && draw.resultProperty().get().reconstruction() != null
                && draw.resultProperty().get().neighbours().length == DrawViewModel.NEIGHBOURS);
        float[] first = draw.resultProperty().get().reconstruction();
        float inked = 0;
        for (float v : draw.drawingProperty().get()) inked += v;
        assertTrue(inked > 20, "the stroke left ink: " + inked);
        // a horizontal stroke across it: the reconstruction follows
        robot.drag(bounds.getMinX() + bounds.getWidth() * 0.2, bounds.getMinY() + bounds.getHeight() * 0.5)
                .dropTo(bounds.getMinX() + bounds.getWidth() * 0.8, bounds.getMinY() + bounds.getHeight() * 0.5);
        waitUntil(() -> !Arrays.equals(first, draw.resultProperty().get().reconstruction()));
        // the drawing is placed on the latent map as it changes
        waitUntil(() -> draw.resultProperty().get().onMap() != null);
        var drawMap = robot.lookup("#draw-map").queryAs(ScatterView.class);
        waitUntil(() -> drawMap.overlay().size() == 1);
        double[] placed = draw.resultProperty().get().onMap();
        assertEquals(placed[0], drawMap.overlay().get(0).x(), 1e-12);
        assertTrue(Double.isFinite(draw.resultProperty().get().offData()));

        Path png = Path.of("target", "snapshots", "draw-pane.png");
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);

        robot.clickOn("#draw-clear");
        waitUntil(() -> {
            float sum = 0;
            for (float v : draw.drawingProperty().get()) sum += v;
            return sum == 0;
        });
        // an image file dropped or opened goes onto the canvas
        Path file = Files.createTempDirectory("latent-lab-draw").resolve("three.png");
        Snapshots.write(SwingFXUtils.fromFXImage(
                ImageGrid.toImage(TestData.digits(3000, 300).test().image(3), 28), null), file);
        robot.interact(() -> draw.load(file));
        waitUntil(() -> draw.messageProperty().get().startsWith("Loaded three.png")
                || draw.messageProperty().get().startsWith("Reconstruction"));
        waitUntil(() -> {
            float sum = 0;
            for (float v : draw.drawingProperty().get()) sum += v;
            return sum > 20;
        });
    }

    @Test
    void latentMapDrawsTheCodesAndDecodesWhereTheUserDrags(FxRobot robot) throws Exception {
        showTrainedModel(robot, 1);
        LatentViewModel latent = window.latentViewModel();
        projectionsAnimateAndTheNewestWins(robot, latent);
        draggingDecodes(robot, latent);
        picksInterpolateSampleAndTraverse(robot, latent);
        theLegendPicksAndColorsPoints(robot, latent);
        zoomPanAndExport(robot, latent);
        trainingImagesCanBeMapped(robot, latent);
        printRedrawCostAt70kPoints(robot);
    }

    private void projectionsAnimateAndTheNewestWins(FxRobot robot, LatentViewModel latent) throws Exception {
        // showing the tab with a new model draws a PCA map at once
        waitUntil(() -> latent.mapProperty().get() != null && latent.statusProperty().get().startsWith("PCA"));
        // t-SNE animates: layouts in progress reach the map before the final one
        List<String> frames = new CopyOnWriteArrayList<>();
        ChangeListener<LatentMap> recorder =
                (o, a, m) -> { if (m != null) frames.add(m.embedding().method() + ": " + m.embedding().note()); };
        robot.interact(() -> {
            latent.mapProperty().addListener(recorder);
            latent.methodProperty().set(MapMethod.TSNE);
        });
        waitUntil(() -> latent.statusProperty().get().startsWith("t-SNE:") && latent.statusProperty().get().contains("Drag on the map"));
        robot.interact(() -> latent.mapProperty().removeListener(recorder));
        assertTrue(frames.stream().anyMatch(f -> f.startsWith("tsne") && f.contains("in progress")), frames.toString());
        assertFalse(frames.get(frames.size() - 1).contains("in progress"), "the last frame is the final layout");
        // start a slow UMAP, then switch to PCA at once: the UMAP run is cancelled, PCA wins
        AtomicReference<CompletableFuture<?>> umap = new AtomicReference<>();
        robot.interact(() -> {
            latent.methodProperty().set(MapMethod.UMAP);
            umap.set(latent.compute());
            latent.methodProperty().set(MapMethod.PCA);
        });
        waitUntil(() -> latent.mapProperty().get() != null && latent.statusProperty().get().startsWith("PCA"));
        umap.get().handle((ok, cancelled) -> ok).get(60, TimeUnit.SECONDS); // the cancelled UMAP has ended
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("pca", latent.mapProperty().get().embedding().method(), "the cancelled UMAP never replaced PCA");
        assertEquals(300, latent.mapProperty().get().embedding().xy().length);
        robot.interact(() -> {
            latent.pcaFirstProperty().set(2);
            latent.pcaSecondProperty().set(3);
            latent.compute();
        });
        waitUntil(() -> latent.statusProperty().get().startsWith("PCA: components 2 and 3"));
    }

    private static Bounds mapBounds(FxRobot robot) {
        var map = robot.lookup("#latent-map").query();
        return map.localToScreen(map.getBoundsInLocal());
    }

    private void draggingDecodes(FxRobot robot, LatentViewModel latent) throws Exception {
        var b = mapBounds(robot);
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.5)).press(MouseButton.PRIMARY);
        waitUntil(() -> latent.decodedProperty().get() != null);
        var first = latent.decodedProperty().get();
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * 0.7, b.getMinY() + b.getHeight() * 0.4)).release(MouseButton.PRIMARY);
        waitUntil(() -> latent.decodedProperty().get() != first);
        assertFalse(Arrays.equals(first.image(), latent.decodedProperty().get().image()), "dragging changes the decoded image");
        // far outside the data the map says so
        robot.interact(() -> latent.decodeAt(1e3, 1e3));
        waitUntil(() -> latent.decodedProperty().get().x() == 1e3);
        assertTrue(latent.decodedProperty().get().offData() > LatentMap.OFF_DATA);
    }

    private void picksInterpolateSampleAndTraverse(FxRobot robot, LatentViewModel latent) throws Exception {
        var b = mapBounds(robot);
        // two clicks pick the ends of the interpolation strip; sampling fills the second strip
        robot.clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.25, b.getMinY() + b.getHeight() * 0.5));
        robot.clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() * 0.3));
        waitUntil(() -> latent.interpolationProperty().get() != null);
        float[][] strip = latent.interpolationProperty().get();
        assertEquals(LatentViewModel.STRIP, strip.length);
        assertFalse(Arrays.equals(strip[0], strip[strip.length - 1]), "the strip walks between two different images");
        robot.clickOn("#sample-codes");
        waitUntil(() -> latent.samplesProperty().get() != null);
        assertEquals(LatentViewModel.STRIP, latent.samplesProperty().get().length);

        // the last click selected an image: traversal starts at its code, neighbours are found
        int selected = latent.selectedProperty().get();
        assertTrue(selected >= 0);
        waitUntil(() -> latent.traversalImageProperty().get() != null && latent.neighboursProperty().get() != null);
        float[] before = latent.traversalImageProperty().get();
        var n = latent.neighboursProperty().get();
        assertEquals(LatentViewModel.NEIGHBOURS, n.byCode().length);
        assertEquals(LatentViewModel.NEIGHBOURS, n.byPixels().length);
        assertTrue(Arrays.stream(n.byCode()).noneMatch(i -> i == selected), "an image is not its own neighbour");
        int[][] hist = latent.histograms();
        assertEquals(16, hist.length, "one histogram per latent dimension");
        assertEquals(300, Arrays.stream(hist[0]).sum());
        double[][] ranges = latent.ranges();
        robot.interact(() -> latent.traverse(0, ranges[0][1]));
        waitUntil(() -> latent.traversalImageProperty().get() != before);
        assertFalse(Arrays.equals(before, latent.traversalImageProperty().get()), "moving z1 changes the decoded image");
        robot.clickOn("Traverse");
    }

    private void theLegendPicksAndColorsPoints(FxRobot robot, LatentViewModel latent) throws Exception {
        // the legend switches classes off; points can be colored by a generator factor instead
        var scatterView = robot.lookup("#latent-map").queryAs(ScatterView.class);
        assertEquals(300, scatterView.visiblePoints());
        robot.clickOn("#class-toggle-0");
        long zeros = Arrays.stream(latent.mapProperty().get().labels()).filter(l -> l == 0).count();
        assertEquals(300 - zeros, scatterView.visiblePoints(), "class 0 hidden");
        robot.clickOn("#class-toggle-0");
        assertEquals(300, scatterView.visiblePoints());
        // picking: the point under a dot's own screen position is that dot (or one drawn on it)
        double[][] xy = latent.mapProperty().get().embedding().xy();
        for (int i : new int[] {0, 17, 123, 299}) {
            var sp = scatterView.toScreen(xy[i][0], xy[i][1]);
            int hit = scatterView.nearestOnScreen(sp.getX(), sp.getY(), 12);
            var hp = scatterView.toScreen(xy[hit][0], xy[hit][1]);
            assertTrue(hit == i || hp.distance(sp) < 1e-9, "picked " + hit + " for " + i);
        }
        var sp = scatterView.toScreen(xy[42][0], xy[42][1]);
        robot.moveTo(scatterView.localToScreen(sp));
        waitUntil(() -> robot.lookup("#hover-text").queryLabeled().getText().startsWith("Test image "));
        // shift-drag over the whole map selects every visible image
        var mb = scatterView.localToScreen(scatterView.getBoundsInLocal());
        robot.press(KeyCode.SHIFT);
        robot.drag(new Point2D(mb.getMinX() + 2, mb.getMinY() + 2))
                .dropTo(new Point2D(mb.getMaxX() - 2, mb.getMaxY() - 2));
        robot.release(KeyCode.SHIFT);
        waitUntil(() -> robot.lookup("#selection-summary").queryLabeled().getText().startsWith("300 images selected"));
        int classColor = scatterView.colorOf(0);
        robot.interact(() -> robot.lookup("#color-by").queryComboBox().setValue("slant"));
        assertTrue(scatterView.colorOf(0) != classColor || scatterView.colorOf(1) != ScatterView
                .classColors(latent.mapProperty().get().labels())[1], "colored by slant now");
    }

    private void zoomPanAndExport(FxRobot robot, LatentViewModel latent) throws Exception {
        var scatterView = robot.lookup("#latent-map").queryAs(ScatterView.class);
        var mb = scatterView.localToScreen(scatterView.getBoundsInLocal());
        double[][] xy = latent.mapProperty().get().embedding().xy();
        // scroll zooms about the cursor, right-drag pans, Fit view fits again
        var mapCentre = new Point2D(mb.getMinX() + mb.getWidth() / 2, mb.getMinY() + mb.getHeight() / 2);
        robot.moveTo(mapCentre).scroll(3, VerticalDirection.UP);
        waitUntil(() -> scatterView.zoom() != 1);
        double zoomed = scatterView.zoom();
        var before42 = scatterView.toScreen(xy[42][0], xy[42][1]);
        robot.drag(mapCentre, MouseButton.SECONDARY).dropBy(60, 30);
        var after42 = scatterView.toScreen(xy[42][0], xy[42][1]);
        assertEquals(60, after42.getX() - before42.getX(), 3, "the points follow a right-drag");
        assertEquals(30, after42.getY() - before42.getY(), 3);
        assertEquals(zoomed, scatterView.zoom(), 1e-12, "panning keeps the zoom");
        System.out.printf("scatter: 300 points redrawn while panning in %.2f ms%n", scatterView.lastDrawNanos() / 1e6);
        robot.clickOn("Fit view");
        assertEquals(1, scatterView.zoom(), 1e-12);
        Path mapPng = Path.of("target", "snapshots", "latent-map-export.png");
        Files.deleteIfExists(mapPng);
        robot.interact(() -> ((LatentPane) window.tabs().getTabs().get(1).getContent()).exportMapPng(mapPng));
        waitUntil(() -> Files.exists(mapPng));
        var picture = ImageIO.read(mapPng.toFile());
        assertTrue(picture.getWidth() > scatterView.getWidth(), "the legend is beside the map");

        Path exported = Files.createTempDirectory("latent-lab-export");
        assertEquals(3, latent.exportTo(exported).get(30, TimeUnit.SECONDS).size());
        assertEquals(301, Files.readAllLines(exported.resolve("metadata.tsv")).size());

        Path png = Path.of("target", "snapshots", "latent-pane.png");
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);
    }

    private void trainingImagesCanBeMapped(FxRobot robot, LatentViewModel latent) throws Exception {
        var scatterView = robot.lookup("#latent-map").queryAs(ScatterView.class);

        // the map can show training images instead (an even sample across the set)
        robot.interact(() -> latent.sourceProperty().set(MapImages.TRAIN));
        waitUntil(() -> latent.mapProperty().get().source() == MapImages.TRAIN
                && latent.statusProperty().get().startsWith("PCA"));
        assertEquals(3000, latent.mapProperty().get().labels().length, "all 3,000 training images (fewer than the 5,000 asked)");
        robot.moveTo(scatterView.localToScreen(scatterView.toScreen(latent.mapProperty().get().embedding().xy()[5][0],
                latent.mapProperty().get().embedding().xy()[5][1])));
        waitUntil(() -> robot.lookup("#hover-text").queryLabeled().getText().startsWith("Training image "));
        robot.interact(() -> latent.sourceProperty().set(MapImages.TEST));
    }

    /** Printed for docs/benchmarks.md, not asserted. */
    private void printRedrawCostAt70kPoints(FxRobot robot) {
        var scatter = robot.lookup("#latent-map").queryAs(ScatterView.class);
        SplittableRandom r = new SplittableRandom(1);
        double[][] many = new double[70_000][];
        int[] labels = new int[70_000];
        for (int i = 0; i < many.length; i++) { many[i] = new double[] {r.nextGaussian(), r.nextGaussian()}; labels[i] = i % 10; }
        long[] best = {Long.MAX_VALUE};
        for (int k = 0; k < 20; k++) {
            robot.interact(() -> scatter.setPoints(many, labels));
            best[0] = Math.min(best[0], scatter.lastDrawNanos());
        }
        System.out.printf("scatter: 70,000 points redrawn in %.2f ms (best of 20), last %.2f ms%n",
                best[0] / 1e6, scatter.lastDrawNanos() / 1e6);
        // a pan or zoom step at 70,000 points: view change, pick grid rebuilt, redraw
        double[] stepMs = new double[60];
        robot.interact(() -> {
            for (int k = 0; k < stepMs.length; k++) {
                long t0 = System.nanoTime();
                if (k % 2 == 0) scatter.panBy(3, 2); else scatter.zoomAbout(200, 200, 1.02);
                stepMs[k] = (System.nanoTime() - t0) / 1e6;
            }
        });
        Arrays.sort(stepMs);
        System.out.printf("scatter: pan/zoom step at 70,000 points: median %.2f ms, max %.2f ms%n",
                stepMs[stepMs.length / 2], stepMs[stepMs.length - 1]);
    }

    @Test
    void aTwoDimensionalLatentIsShownAsItselfWithADecodedGridUnderIt(FxRobot robot) throws Exception {
        DatasetSplit data = TestData.digits(3000, 300);
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(128), 2, LossKind.BCE, 2e-3, 0);
        TrainingConfig config = new TrainingConfig(spec, 1, 64, 1);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        new Trainer(model, data, config, new TrainingHistory()).run(new Trainer.Listener() {
            @Override public void onIteration(long i, int e, double p, double l, double s) { }
            @Override public void onEpoch(EpochRecord r) { }
        }, Trainer.Control.NONE);
        LatentViewModel latent = window.latentViewModel();
        robot.interact(() -> {
            state.dataProperty().set(data);
            state.setModel(model, new TrainingHistory(), config);
            window.tabs().getSelectionModel().select(1);
            latent.methodProperty().set(MapMethod.IDENTITY);
            latent.compute();
        });
        waitUntil(() -> latent.mapProperty().get() != null);
        assertEquals("identity", latent.mapProperty().get().embedding().method());
        float[] code = latent.mapProperty().get().codes()[7];
        assertArrayEquals(new double[] {code[0], code[1]}, latent.mapProperty().get().embedding().xy()[7], 1e-6);
        robot.clickOn("#manifold");
        waitUntil(() -> latent.manifoldProperty().get() != null);
        var m = latent.manifoldProperty().get();
        assertEquals(15 * 15, m.images().length);
        assertFalse(Arrays.equals(m.images()[0], m.images()[m.images().length - 1]), "corners of the grid decode differently");
        Path png = Path.of("target", "snapshots", "latent-2d-manifold.png");
        var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
        Snapshots.write(image, png);
    }

    private static DenseAutoencoder trained;
    private static TrainingHistory trainedHistory;
    private static final ModelSpec SPEC = new ModelSpec(ModelKind.DAE, List.of(128), 16, LossKind.BCE, 2e-3, 0.4);
    private static final TrainingConfig CONFIG = new TrainingConfig(SPEC, 2, 64, 1);

    /** Trains a small denoising model once per class and shows it with its data on the given tab. */
    private void showTrainedModel(FxRobot robot, int tab) throws Exception {
        DatasetSplit data = TestData.digits(3000, 300);
        if (trained == null) {
            trained = DenseAutoencoder.create(SPEC, 784, 1);
            trainedHistory = new TrainingHistory();
            new Trainer(trained, data, CONFIG, trainedHistory).run(new Trainer.Listener() {
                @Override public void onIteration(long i, int e, double p, double l, double s) { }
                @Override public void onEpoch(EpochRecord r) { }
            }, Trainer.Control.NONE);
        }
        robot.interact(() -> {
            state.dataProperty().set(data);
            state.setModel(trained.copy(), trainedHistory, CONFIG);
            window.tabs().getSelectionModel().select(tab);
        });
    }


    /** Mean map distance of a trail's copies from the clean image's point. */
    private static double spread(NoiseTrail t) {
        double s = 0;
        for (double[] p : t.noisy()) s += Math.hypot(p[0] - t.clean()[0], p[1] - t.clean()[1]);
        return s / t.noisy().length;
    }
}
