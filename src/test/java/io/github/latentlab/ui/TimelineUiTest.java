package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.projection.Embedding;
import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.projection.LatentMaps;
import io.github.latentlab.projection.MapImages;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.projection.MapRequest;
import io.github.latentlab.lessons.Command;
import io.github.latentlab.model.ModelStore;
import io.github.latentlab.session.Session;
import io.github.latentlab.session.SessionFile;
import io.github.latentlab.session.SessionModel;
import io.github.latentlab.timeline.Timeline;
import io.github.latentlab.timeline.TimelineFile;
import io.github.latentlab.training.Run;
import io.github.latentlab.training.RunManager;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingService;
import io.github.latentlab.ui.controls.LossChart;
import io.github.latentlab.ui.reconstruction.ReconstructionViewModel;
import io.github.latentlab.util.Cancellation;
import io.github.latentlab.util.Progress;

/**
 * The training timeline in the window: a click on the loss curve shows that epoch in the
 * reconstructions and on the map (the stored values, aligned layouts), Play walks through every
 * epoch, and the bar goes back to the latest model.
 */
class TimelineUiTest extends WindowTest {
    /** A slice of the built-in digits under the catalog's id, so the opened model finds its data. */
    private static final DatasetSplit DATA = new DatasetSplit("builtin-digits", TestData.digits(512, 1000).train(),
            TestData.digits(512, 1000).test());

    @TempDir Path runs;

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /** A finished 3-epoch run of a 3-D code with its timeline, opened in the window. */
    private Timeline openTrainedRun() throws Exception {
        ModelSpec spec = new ModelSpec(ModelKind.AE, List.of(32), 3, LossKind.MSE, 3e-3, 0);
        Run run;
        try (TrainingService service = new TrainingService();
             RunManager manager = new RunManager(runs, (id, test, p, c) -> DATA, service)) {
            run = manager.newRun(null, "builtin-digits", null, new TrainingConfig(spec, 3, 64, 5));
            manager.submit(run).get(120, TimeUnit.SECONDS);
        }
        window.openModelFrom(run.checkpoints().latestFile()).get(60, TimeUnit.SECONDS);
        waitUntil(() -> state.timeline().timeline() != null);
        return state.timeline().timeline();
    }

    /** Clicks the loss chart where the x axis reads {@code epoch}, halfway up the plot. */
    private static void clickCurveAt(FxRobot robot, LossChart chart, double epoch) {
        Node plot = chart.lookup(".chart-plot-background");
        NumberAxis x = (NumberAxis) chart.getXAxis();
        double inX = x.getDisplayPosition(epoch);
        Point2D onScreen = plot.localToScreen(inX, plot.getLayoutBounds().getHeight() / 2);
        robot.clickOn(onScreen);
    }

    private static PcaLayout expected(Timeline t, int epoch, Embedding alignTo) {
        MapRequest pca = new MapRequest(MapMethod.PCA, MapImages.TEST, 5000, 0, 1, 30, 1000, 15, 42);
        LatentMap m = LatentMaps.fromCodes(pca, t.codes(epoch), t.images().asDataset(), null, alignTo, Progress.NONE,
                new Cancellation(), f -> { });
        return new PcaLayout(m.embedding());
    }

    private record PcaLayout(Embedding embedding) { }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    @Test
    void clickingTheCurveShowsThatEpochInTheReconstructionsAndOnTheAlignedMap(FxRobot robot) throws Exception {
        Timeline t = openTrainedRun();
        assertEquals(List.of(0, 1, 2, 3), t.epochs());
        assertTrue(robot.lookup("#timeline-bar").query().isVisible(), "the timeline bar shows with a timeline");
        LossChart chart = robot.lookup(".loss-chart").queryAs(LossChart.class);

        clickCurveAt(robot, chart, 1.1);
        waitUntil(() -> state.timeline().viewedEpoch() == 1);
        ReconstructionViewModel recon = window.reconstructionViewModel();
        waitUntil(() -> recon.resultProperty().get() != null && recon.resultProperty().get().epoch() == 1);
        ReconstructionViewModel.Result r = recon.resultProperty().get();
        float[][] stored = t.reconstructions(1);
        for (int i = 0; i < r.indices().length; i++) {
            assertArrayEquals(stored[i], r.reconstructions()[i], "image " + i + " as reconstructed at epoch 1");
            assertEquals(t.images().indices()[i], r.indices()[i]);
        }
        String label = robot.lookup("#timeline-label").queryLabeled().getText();
        assertTrue(label.contains(Texts.format("timeline.viewing", 1, 3)), label);
        assertEquals(1.0, chart.viewedEpochProperty().get(), "the chart marks the epoch shown");

        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        waitUntil(() -> window.latentViewModel().mapEpoch() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.latentViewModel().epochDrawn().isDone());
        LatentMap first = window.latentViewModel().mapProperty().get();
        assertArrayEquals(t.codes(1), first.codes(), "the map shows the stored codes of epoch 1");
        assertEquals(t.images().size(), first.codes().length, "of the timeline's 1,000 images");
        Embedding e1 = expected(t, 1, null).embedding();
        assertArrayEquals(e1.xy(), first.embedding().xy(), "laid out as PCA lays out those codes");

        robot.interact(() -> window.tabs().getSelectionModel().select(0));
        clickCurveAt(robot, chart, 2);
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        waitUntil(() -> window.latentViewModel().mapEpoch() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.latentViewModel().epochDrawn().isDone());
        LatentMap second = window.latentViewModel().mapProperty().get();
        assertArrayEquals(t.codes(2), second.codes());
        double[][] aligned = expected(t, 2, e1).embedding().xy();
        for (int i = 0; i < aligned.length; i++) assertArrayEquals(aligned[i], second.embedding().xy()[i], 1e-9);

        // epoch 2 keeps no model (1, 3 and the last do): a drag says so instead of decoding
        assertTrue(!second.decodes(), "no model is kept for epoch 2");
        robot.interact(() -> window.latentViewModel().decodeAt(0, 0));
        assertEquals(Texts.format("latent.status.noDecoder", 2), window.latentViewModel().statusProperty().get());
        // at epoch 1 a drag decodes with epoch 1's own model, through the aligned layout
        robot.interact(() -> window.timelineViewModel().view(1));
        waitUntil(() -> window.latentViewModel().mapEpoch() == 1 && window.latentViewModel().epochDrawn().isDone());
        LatentMap atOne = window.latentViewModel().mapProperty().get();
        double[] p = atOne.embedding().xy()[0];
        robot.interact(() -> window.latentViewModel().decodeAt(p[0], p[1]));
        waitUntil(() -> window.latentViewModel().decodedProperty().get() != null);
        float[] expectedImage = t.modelAt(1).decode(new float[][] {toFloat(atOne.inverse().at(p[0], p[1]).code())})[0];
        assertArrayEquals(expectedImage, window.latentViewModel().decodedProperty().get().image(), 1e-5f);

        robot.clickOn("#timeline-latest");
        waitUntil(() -> !state.timeline().viewingPast());
        waitUntil(() -> recon.resultProperty().get() != null
                && recon.resultProperty().get().epoch() == TimelineState.LATEST);
        assertTrue(Double.isNaN(chart.viewedEpochProperty().get()));
    }

    /**
     * A run in progress: its curve shows each epoch as it ends, a click shows that epoch in the
     * panes while training goes on, and a session saved meanwhile holds the last finished epoch.
     */
    @Test
    void aRunInProgressShowsItsFinishedEpochsAndASessionSavedMeanwhileHoldsTheLastOne(FxRobot robot) throws Exception {
        for (String c : new String[] {"dataset builtin-digits", "model ae latent=3 hidden=32 epochs=30 batch=128 seed=3"}) {
            WaitForAsyncUtils.asyncFx(() -> window.commands().run(Command.parse(c, 0))).get(10, TimeUnit.SECONDS)
                    .get(10, TimeUnit.SECONDS);
        }
        robot.interact(() -> window.commands().run(Command.parse("train", 0)));
        waitUntil(() -> state.timeline().timeline() != null && state.timeline().timeline().lastEpoch() >= 2
                && state.training().isRunning());
        Timeline during = state.timeline().timeline();
        assertEquals(0, during.epochs().get(0), "epoch 0 recorded as the run started");
        LossChart chart = robot.lookup(".loss-chart").queryAs(LossChart.class);
        clickCurveAt(robot, chart, 1);
        waitUntil(() -> state.timeline().viewedEpoch() == 1);
        ReconstructionViewModel recon = window.reconstructionViewModel();
        waitUntil(() -> recon.resultProperty().get() != null && recon.resultProperty().get().epoch() == 1);
        assertArrayEquals(during.reconstructions(1)[0], recon.resultProperty().get().reconstructions()[0]);
        assertTrue(state.training().isRunning(), "training goes on meanwhile");
        waitUntil(() -> state.timeline().timeline().lastEpoch() > during.lastEpoch());
        assertEquals(1, state.timeline().viewedEpoch(), "a new epoch leaves the one viewed in place");

        Path session = runs.resolve("during.llsession");
        WaitForAsyncUtils.asyncFx(() -> window.saveSessionTo(session)).get(10, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
        String status = state.statusProperty().get();
        Session saved = SessionFile.read(session);
        SessionModel.Embedded model = (SessionModel.Embedded) saved.model();
        Path unpacked = runs.resolve("unpacked.llab");
        Files.write(unpacked, model.model());
        int epochs = ModelStore.readMetadata(unpacked).epochsDone();
        assertTrue(epochs >= 3, "a finished epoch: " + epochs);
        assertTrue(status.contains(Texts.format("status.sessionSavedTraining", session, epochs)), status);
        Files.write(runs.resolve("unpacked.timeline"), model.timeline());
        assertEquals(epochs, TimelineFile.read(runs.resolve("unpacked.timeline")).lastEpoch(), "its timeline up to that epoch");
        assertEquals(1, saved.viewedEpoch());
        robot.interact(() -> window.trainingViewModel().stop());
        waitUntil(() -> !state.training().isRunning());
    }

    @Test
    void playWalksThroughEveryStoredEpochThenBackToTheLatest(FxRobot robot) throws Exception {
        openTrainedRun();
        robot.clickOn("#timeline-back");
        assertEquals(2, state.timeline().viewedEpoch(), "one back from the finished model (epoch 3) is epoch 2");
        robot.clickOn("#timeline-on");
        assertEquals(TimelineState.LATEST, state.timeline().viewedEpoch(), "and on again is the model itself");
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        List<Integer> seen = new ArrayList<>();
        robot.interact(() -> state.timeline().viewedEpochProperty().addListener((o, was, is) -> seen.add(is.intValue())));
        robot.clickOn("#timeline-play");
        waitUntil(() -> !window.timelineViewModel().playingProperty().get());
        assertEquals(List.of(0, 1, 2, TimelineState.LATEST), seen, "every stored epoch, then the latest (the last)");
    }
}
