package io.github.latentlab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import io.github.latentlab.model.EpochRecord;
import io.github.latentlab.model.LossPoint;
import io.github.latentlab.ui.Texts;

/**
 * Loss against epochs: smoothed training loss per iteration and test loss per epoch. With
 * {@link #logScaleProperty()} the values are plotted as log10 and labelled as powers of ten
 * (JavaFX has no log axis). Follows the given lists; the caller keeps them short.
 */
public final class LossChart extends LineChart<Number, Number> {
    private final XYChart.Series<Number, Number> train = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> test = new XYChart.Series<>();
    // a VAE's two loss terms, shown once its points carry them
    private final XYChart.Series<Number, Number> recon = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> kl = new XYChart.Series<>();
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObservableList<LossPoint> trainSource;
    private final ObservableList<EpochRecord> testSource;
    private final Line crosshair = new Line();
    private final Line viewedMarker = new Line();
    private final DoubleProperty viewedEpoch = new SimpleDoubleProperty(Double.NaN);
    private DoubleConsumer onPicked;
    private final StringProperty readout = new SimpleStringProperty(Texts.get("train.readout.none"));

    public LossChart(ObservableList<LossPoint> trainPoints, ObservableList<EpochRecord> testPoints) {
        super(new NumberAxis(), new NumberAxis());
        this.trainSource = trainPoints;
        this.testSource = testPoints;
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        getXAxis().setLabel(Texts.get("chart.epoch"));
        getYAxis().setLabel(Texts.get("chart.loss"));
        NumberAxis x = (NumberAxis) getXAxis();
        x.setForceZeroInRange(true);
        NumberAxis y = (NumberAxis) getYAxis();
        y.setForceZeroInRange(false);
        train.setName(Texts.get("chart.train"));
        test.setName(Texts.get("chart.test"));
        recon.setName(Texts.get("chart.recon"));
        kl.setName(Texts.get("chart.kl"));
        getData().add(train);
        getData().add(test);
        getStyleClass().add("loss-chart");
        trainPoints.addListener((ListChangeListener<LossPoint>) c -> {
            while (c.next()) {
                if (c.wasReplaced() || c.wasRemoved()) {
                    rebuild();
                    return;
                }
                if (c.wasAdded()) {
                    train.getData().addAll(toData(c.getAddedSubList()));
                    addParts(c.getAddedSubList());
                }
            }
        });
        testPoints.addListener((ListChangeListener<EpochRecord> ) c -> rebuildTest());
        crosshair.getStyleClass().add("crosshair");
        crosshair.setManaged(false);
        crosshair.setMouseTransparent(true);
        crosshair.setVisible(false);
        getPlotChildren().add(crosshair);
        setOnMouseMoved(e -> pointAt(e.getSceneX(), e.getSceneY()));
        // a click, or a drag along the curve, picks the epoch to show in every pane
        setOnMousePressed(e -> pick(e.getSceneX(), e.getSceneY()));
        setOnMouseDragged(e -> {
            pointAt(e.getSceneX(), e.getSceneY());
            pick(e.getSceneX(), e.getSceneY());
        });
        viewedMarker.getStyleClass().add("viewed-epoch");
        viewedMarker.setManaged(false);
        viewedMarker.setMouseTransparent(true);
        viewedMarker.setVisible(false);
        getPlotChildren().add(viewedMarker);
        viewedEpoch.addListener((o, was, is) -> requestLayout());
        setOnMouseExited(e -> {
            crosshair.setVisible(false);
            readout.set(Texts.get("train.readout.none"));
        });
        logScale.addListener((obs, was, is) -> {
            y.setTickLabelFormatter(is ? powerOfTen() : null);
            getYAxis().setLabel(Texts.get(is ? "chart.loss.log" : "chart.loss"));
            rebuild();
        });
        rebuild();
    }

    public BooleanProperty logScaleProperty() { return logScale; }

    /** The values under the cursor, "epoch 2.35 · train 0.0412 · test 0.0398", for a label beside the chart. */
    public ReadOnlyStringProperty readoutProperty() { return readout; }

    /** Called with the epoch (a fractional position on the x axis) the user clicks or drags to on the plot. */
    public void setOnEpochPicked(DoubleConsumer onPicked) { this.onPicked = onPicked; }

    /** The epoch marked on the chart as the one the panes show; NaN for none (the latest). */
    public DoubleProperty viewedEpochProperty() { return viewedEpoch; }

    private void pick(double sceneX, double sceneY) {
        double epoch = epochAt(sceneX, sceneY);
        if (onPicked != null && Double.isFinite(epoch)) onPicked.accept(epoch);
    }

    /** The x-axis value at a scene point on the plot, NaN off it or before any point. */
    private double epochAt(double sceneX, double sceneY) {
        Node plot = lookup(".chart-plot-background");
        if (plot == null || trainSource.isEmpty()) return Double.NaN;
        Bounds area = plot.localToScene(plot.getLayoutBounds());
        if (!area.contains(sceneX, sceneY)) return Double.NaN;
        return getXAxis().getValueForDisplay(plot.sceneToLocal(sceneX, sceneY).getX()).doubleValue();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double epoch = viewedEpoch.get();
        viewedMarker.setVisible(Double.isFinite(epoch));
        if (!Double.isFinite(epoch)) return;
        double x = getXAxis().getDisplayPosition(epoch);
        double height = ((NumberAxis) getYAxis()).getHeight();
        viewedMarker.setStartX(x);
        viewedMarker.setEndX(x);
        viewedMarker.setStartY(0);
        viewedMarker.setEndY(height);
    }

    /** Moves the crosshair to scene point (x, y) and reads the curves there; outside the plot it hides. */
    void pointAt(double sceneX, double sceneY) {
        double epoch = epochAt(sceneX, sceneY);
        if (Double.isNaN(epoch)) {
            crosshair.setVisible(false);
            return;
        }
        Node plot = lookup(".chart-plot-background");
        Bounds area = plot.localToScene(plot.getLayoutBounds());
        Point2D top = crosshair.getParent().sceneToLocal(sceneX, area.getMinY());
        Point2D bottom = crosshair.getParent().sceneToLocal(sceneX, area.getMaxY());
        crosshair.setStartX(top.getX());
        crosshair.setEndX(top.getX());
        crosshair.setStartY(top.getY());
        crosshair.setEndY(bottom.getY());
        crosshair.setVisible(true);
        readout.set(Texts.format("train.readout", epoch, value(nearestTrain(epoch)), value(nearestTest(epoch))));
    }

    /** The smoothed training loss nearest to {@code epoch}. */
    private double nearestTrain(double epoch) {
        int lo = 0, hi = trainSource.size() - 1;
        while (lo < hi) { // the points are in order of epoch position
            int mid = (lo + hi) >>> 1;
            if (trainSource.get(mid).epochPosition() < epoch) lo = mid + 1; else hi = mid;
        }
        LossPoint p = trainSource.get(lo);
        if (lo > 0 && Math.abs(trainSource.get(lo - 1).epochPosition() - epoch) < Math.abs(p.epochPosition() - epoch)) {
            p = trainSource.get(lo - 1);
        }
        return p.loss();
    }

    /** The test loss of the epoch nearest to {@code epoch}, NaN before the first epoch ends. */
    private double nearestTest(double epoch) {
        EpochRecord best = null;
        for (EpochRecord r : testSource) {
            if (best == null || Math.abs(r.epoch() - epoch) < Math.abs(best.epoch() - epoch)) best = r;
        }
        return best == null ? Double.NaN : best.testLoss();
    }

    private static String value(double v) {
        return Double.isFinite(v) ? String.format("%.4g", v) : "–";
    }

    private void rebuild() {
        train.getData().setAll(toData(trainSource));
        recon.getData().clear();
        kl.getData().clear();
        getData().removeAll(recon, kl);
        addParts(trainSource);
        rebuildTest();
    }

    private void addParts(List<? extends LossPoint> points) {
        List<XYChart.Data<Number, Number>> r = new ArrayList<>(), k = new ArrayList<>();
        for (LossPoint p : points) {
            if (!p.hasParts()) continue;
            if (Double.isFinite(p.recon()) && p.recon() > 0) r.add(new XYChart.Data<>(p.epochPosition(), y(p.recon())));
            if (Double.isFinite(p.kl()) && p.kl() > 0) k.add(new XYChart.Data<>(p.epochPosition(), y(p.kl())));
        }
        if (r.isEmpty() && k.isEmpty()) return;
        if (!getData().contains(recon)) getData().addAll(recon, kl);
        recon.getData().addAll(r);
        kl.getData().addAll(k);
    }

    /** The series shown (train, test and, for a VAE, its two terms), for tests. */
    public int visibleSeries() {
        return (int) getData().stream().filter(s -> !s.getData().isEmpty()).count();
    }

    private void rebuildTest() {
        List<XYChart.Data<Number, Number>> d = new ArrayList<>();
        for (EpochRecord r : testSource) {
            if (!Double.isFinite(r.testLoss())) continue;
            XYChart.Data<Number, Number> point = new XYChart.Data<>(r.epoch(), y(r.testLoss()));
            // an explicit node: symbols are off for the dense train series, on for these few points
            point.setNode(new Circle(3.5 * Look.scale(), Look.fx(Look.classColor(1))));
            d.add(point);
        }
        test.getData().setAll(d);
    }

    private List<XYChart.Data<Number, Number>> toData(List<? extends LossPoint> points) {
        List<XYChart.Data<Number, Number>> d = new ArrayList<>(points.size());
        for (LossPoint p : points) {
            if (Double.isFinite(p.loss()) && p.loss() > 0) d.add(new XYChart.Data<>(p.epochPosition(), y(p.loss())));
        }
        return d;
    }

    private double y(double loss) {
        return logScale.get() ? Math.log10(Math.max(loss, 1e-12)) : loss;
    }

    private static StringConverter<Number> powerOfTen() {
        return new StringConverter<>() {
            @Override public String toString(Number n) {
                double v = Math.pow(10, n.doubleValue());
                return v >= 0.01 ? String.format("%.3g", v) : String.format("%.1e", v);
            }

            @Override public Number fromString(String s) { return Math.log10(Double.parseDouble(s)); }
        };
    }
}
