package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.github.latentlab.TestData;
import io.github.latentlab.data.DatasetSplit;
import io.github.latentlab.model.DenseAutoencoder;
import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossKind;
import io.github.latentlab.model.ModelKind;
import io.github.latentlab.model.ModelSpec;
import io.github.latentlab.projection.MapMethod;
import io.github.latentlab.training.Trainer;
import io.github.latentlab.training.TrainingConfig;
import io.github.latentlab.training.TrainingHistory;
import io.github.latentlab.ui.controls.Look;
import io.github.latentlab.ui.fx.Snapshots;

/**
 * Every tab, with a model open, at the sizes the app is used at: no visible label, button, check
 * box, combo box or table header shows its text cut short, and no text field or spinner holds
 * more text than it shows. Snapshots of each tab go to {@code target/snapshots/}.
 */
class ReadableWindowUiTest extends WindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        show(stage);
    }

    /** "" in English; a subclass checking another language names it ("-zh"). */
    protected String language() { return ""; }

    @AfterEach
    void lightAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Look.themeProperty().set(Look.Theme.LIGHT);
            Look.presenterProperty().set(false);
        }).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, light", "1920, 1080, light", "1280, 800, dark", "1920, 1080, dark",
        "1280, 800, presenter", "1920, 1080, presenter"})
    void nothingIsClipped(int width, int height, String mode) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Look.themeProperty().set(mode.equals("dark") ? Look.Theme.DARK : Look.Theme.LIGHT);
            Look.presenterProperty().set(mode.equals("presenter"));
        }).get(10, TimeUnit.SECONDS);
        checkEveryTab(width, height, mode);
    }

    @Test
    void emptyPanesSayWhatToDoNextAndOfferIt(FxRobot robot) throws Exception {
        for (int tab : new int[] {1, 3}) { // the latent map and the drawing, before any model
            robot.interact(() -> window.tabs().getSelectionModel().select(tab));
            var train = robot.lookup("#empty-train").queryAll().stream().filter(ReadableWindowUiTest::shown).findFirst();
            assertTrue(train.isPresent(), "tab " + tab + " offers to train a model");
            assertTrue(robot.lookup("#empty-open").queryAll().stream().anyMatch(ReadableWindowUiTest::shown));
            robot.clickOn(train.get());
            assertEquals(0, window.tabs().getSelectionModel().getSelectedIndex(), "the Train tab is shown");
        }
        assertTrue(robot.lookup("#show-map").queryButton().isDisabled(), "no map can be made without a model");
    }

    @Test
    void everyPaneExplainsItselfOneClickAway(FxRobot robot) throws Exception {
        String[] panes = {"train", "latent", "noise", "draw", "runs"};
        for (int tab = 0; tab < panes.length; tab++) {
            int t = tab;
            robot.interact(() -> window.tabs().getSelectionModel().select(t));
            robot.clickOn("#explain-explain-" + panes[t]);
            String title = Texts.get("explain." + panes[t] + ".title");
            waitUntil(() -> robot.lookup(".popover").tryQuery().isPresent());
            String text = Texts.get("explain." + panes[t] + ".text");
            boolean shown = robot.lookup(".popover .label").queryAll().stream().anyMatch(n -> text.equals(((Labeled) n).getText()));
            assertTrue(shown, title + ": its explanation is shown");
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> robot.lookup(".popover").tryQuery().isEmpty());
        }
    }

    private void checkEveryTab(int width, int height, String mode) throws Exception {
        DatasetSplit data = TestData.digits(1000, 300);
        ModelSpec spec = new ModelSpec(ModelKind.DAE, List.of(64), 2, LossKind.MSE, 2e-3, 0.3);
        TrainingConfig config = new TrainingConfig(spec, 1, 64, 1);
        DenseAutoencoder model = DenseAutoencoder.create(spec, 784, 1);
        TrainingHistory history = new TrainingHistory();
        new Trainer(model, data, config, history).run(new Trainer.Listener() {
            @Override public void onIteration(long i, int e, double p, double l, double s) { }

            @Override public void onEpoch(EpochRecord r) { }
        }, Trainer.Control.NONE);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            state.dataProperty().set(data);
            window.trainingViewModel().form().datasetIdProperty().set(data.id());
            window.trainingViewModel().form().kindProperty().set(ModelKind.DAE);
            state.setModel(model, history, config);
        }).get(10, TimeUnit.SECONDS);
        List<String> clipped = new ArrayList<>();
        String[] names = {"train", "latent", "noise", "draw", "runs"};
        for (int tab = 0; tab < names.length; tab++) {
            int t = tab;
            WaitForAsyncUtils.asyncFx(() -> window.tabs().getSelectionModel().select(t)).get(10, TimeUnit.SECONDS);
            if (tab == 1) {
                waitUntil(() -> window.latentViewModel().mapProperty().get() != null);
                waitUntil(() -> window.latentViewModel().methodProperty().get() == MapMethod.IDENTITY);
            }
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // background results land, layout settles
            WaitForAsyncUtils.waitForFxEvents();
            List<String> found = WaitForAsyncUtils.asyncFx(() -> clippedIn(window)).get(10, TimeUnit.SECONDS);
            found.forEach(f -> clipped.add(names[t] + ": " + f));
            if (tab == 1) clipped.addAll(latentDetailTabs());
            if (tab == 0) clipped.addAll(WaitForAsyncUtils.asyncFx(this::settingsFit).get(10, TimeUnit.SECONDS));
            Path png = Path.of("target", "snapshots", names[t] + "-" + width + "x" + height + "-" + mode + language() + ".png");
            Files.createDirectories(png.getParent());
            var image = WaitForAsyncUtils.asyncFx(() -> Snapshots.capture(window)).get(10, TimeUnit.SECONDS);
            Snapshots.write(image, png);
        }
        assertTrue(clipped.isEmpty(), width + "x" + height + " " + mode + ": " + clipped.size() + " clipped\n" + String.join("\n", clipped));
    }

    /** The latent map's detail tabs (walk, traverse, neighbours, selection), each shown in turn with an image selected. */
    private List<String> latentDetailTabs() throws Exception {
        List<String> out = new ArrayList<>();
        var latent = window.latentViewModel();
        WaitForAsyncUtils.asyncFx(() -> latent.select(3)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> latent.traversalImageProperty().get() != null);
        TabPane details = (TabPane) window.lookup("#latent-details");
        for (int i = 0; i < details.getTabs().size(); i++) {
            int k = i;
            WaitForAsyncUtils.asyncFx(() -> details.getSelectionModel().select(k)).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            String name = details.getTabs().get(k).getText();
            WaitForAsyncUtils.asyncFx(() -> clippedIn(window)).get(10, TimeUnit.SECONDS)
                    .forEach(f -> out.add("latent › " + name + ": " + f));
        }
        WaitForAsyncUtils.asyncFx(() -> details.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        return out;
    }

    /** Visible with all its parents (a node on a hidden tab is not). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    /** The Train tab's settings all in view: its scroll pane has nothing to scroll. */
    private List<String> settingsFit() {
        ScrollPane form = (ScrollPane) window.lookup("#train-settings");
        double content = form.getContent().getBoundsInLocal().getHeight();
        double view = form.getViewportBounds().getHeight();
        return content > view + 1 ? List.of("train: the settings need " + Math.round(content) + " px and have "
                + Math.round(view) + ": some are below the fold") : List.of();
    }

    /** Every shown control under {@code root} whose text does not fit. */
    static List<String> clippedIn(Parent root) {
        // a text set since the last pulse is not laid out yet: lay out first, so what is read is what is shown
        root.applyCss();
        root.layout();
        List<String> out = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, window, out);
        return out;
    }

    private static void walk(Node node, Bounds window, List<String> out) {
        walk(node, window, out, false);
    }

    private static void walk(Node node, Bounds window, List<String> out, boolean scrolls) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        boolean inScroller = scrolls || node instanceof ScrollPane || node instanceof TableView
                || node.getStyleClass().contains("virtual-flow");
        if (!inScroller && node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                && node.getScene() != null) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1)) {
                out.add(describe(l) + " \"" + l.getText() + "\" lies outside the window or past a divider");
            }
        }
        if (node instanceof Labeled g && g.getText() != null && !g.getText().isBlank() && g.getGraphic() == null
                && g.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY && onScreen(g, window)) {
            out.add(describe(g) + " \"" + g.getText() + "\" shows nothing: its style hides the text and it has no graphic");
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && onScreen(l, window)) {
            String shown = shownText(l);
            if (shown != null && !shown.equals(l.getText()) && l.getTextOverrun() != OverrunStyle.CLIP
                    && !l.isWrapText()) {
                out.add(describe(l) + " \"" + l.getText() + "\" shows \"" + shown + "\"");
            } else if (shown != null && l.isWrapText() && !shown.replace("\n", " ").equals(l.getText().replace("\n", " "))) {
                out.add(describe(l) + " \"" + l.getText() + "\" (wrapped) shows \"" + shown + "\"");
            }
        }
        if (node instanceof TextField f && onScreen(f, window) && f.getText() != null && !f.getText().isEmpty()) {
            Text probe = new Text(f.getText());
            probe.setFont(f.getFont());
            double room = f.getWidth() - f.getPadding().getLeft() - f.getPadding().getRight();
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                out.add(describe(f) + " holds \"" + f.getText() + "\" in " + Math.round(room) + " px, needs "
                        + Math.round(probe.getLayoutBounds().getWidth()));
            }
        }
        if (node instanceof SplitPane split) { // each side shows only its own part: text past the divider is hidden
            for (Node item : split.getItems()) walk(item, within(window, item), out, inScroller);
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) walk(child, window, out, inScroller);
        }
    }

    /** The part of {@code window} that {@code item} covers. */
    private static Bounds within(Bounds window, Node item) {
        Bounds b = item.localToScene(item.getLayoutBounds());
        double minX = Math.max(window.getMinX(), b.getMinX());
        double minY = Math.max(window.getMinY(), b.getMinY());
        return new BoundingBox(minX, minY, Math.max(0, Math.min(window.getMaxX(), b.getMaxX()) - minX),
                Math.max(0, Math.min(window.getMaxY(), b.getMaxY()) - minY));
    }

    /** The text a Labeled's skin draws (its LabeledText child), or null before it has a skin. */
    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) return t.getText();
        }
        return null;
    }

    private static boolean onScreen(Node n, Bounds window) {
        if (n.getScene() == null) return false;
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && window.intersects(b);
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        Node p = n.getParent();
        String where = p == null ? "" : " in " + p.getClass().getSimpleName() + (p.getId() != null ? "#" + p.getId() : "");
        return n.getClass().getSimpleName() + id + where;
    }
}
