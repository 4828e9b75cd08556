package io.github.latentlab.ui.fx;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Keeps a hidden pane from working while a model trains: work asked for while the pane is shown
 * runs at once; asked for while hidden, it is remembered and {@code catchUp} runs once when the
 * pane is shown again. Used on the FX thread.
 */
public final class ShownGate {
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private boolean stale;

    public ShownGate(Runnable catchUp) {
        shown.addListener((o, was, is) -> {
            if (is && stale) {
                stale = false;
                catchUp.run();
            }
        });
    }

    /** Bound by the window to the pane's tab being selected. */
    public BooleanProperty shownProperty() { return shown; }

    public void run(Runnable work) {
        if (shown.get()) work.run(); else stale = true;
    }
}
