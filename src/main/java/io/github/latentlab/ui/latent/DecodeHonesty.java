package io.github.latentlab.ui.latent;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

import io.github.latentlab.projection.LatentMap;
import io.github.latentlab.ui.Texts;

/**
 * The line under a decoded point that says how far it is from any real code, and for a VAE how
 * often its prior reaches that far: a picture decoded off the data is a guess, and says so.
 */
final class DecodeHonesty extends Label {
    DecodeHonesty() {
        setWrapText(true);
        setMaxWidth(224);
        setMinHeight(96);
        setPrefHeight(96);
        setAlignment(Pos.TOP_LEFT);
        setId("decode-honesty");
    }

    /** Says how {@code d} lies against the data; nothing for null (a new map). */
    void show(LatentMap.Decoded d) {
        if (d == null) {
            setText("");
            return;
        }
        boolean vae = !Double.isNaN(d.priorTail());
        boolean offPrior = vae && d.priorTail() < LatentViewModel.OFF_PRIOR;
        boolean off = d.offData() > LatentViewModel.OFF_DATA || offPrior;
        String key = !vae ? (off ? "latent.decode.off" : "latent.decode.on")
                : offPrior ? "latent.decode.offPrior" : off ? "latent.decode.off.vae" : "latent.decode.on.vae";
        setText(Texts.format(key, d.offData(), vae ? share(d.priorTail()) : ""));
        setTextFill(off ? Color.web("#c0392b") : Color.web("#2e7d32"));
    }

    /** How many of the prior's samples lie as far out: "12%", "0.35%", "almost none". */
    private static String share(double p) {
        return p >= 0.01 ? Texts.format("latent.decode.share", p) : p >= 1e-4 ? Texts.format("latent.decode.share.small", p)
                : Texts.get("latent.decode.share.none");
    }
}
