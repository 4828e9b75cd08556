package io.github.latentlab.data.generators;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Hand-made stroke templates for the digits 0-9, several writing styles each (a 1 with or
 * without a flag, an open or closed 4, a 7 with or without a bar...). Coordinates are glyph
 * units: height 1 from y = -0.5 (top) to 0.5 (bottom), x roughly -0.3..0.3.
 *
 * <p>Points shared by two strokes (the corner of a 7) must be written identically: the random
 * deformation is a smooth field over the plane, so equal points stay joined.
 */
final class DigitTemplates {
    private DigitTemplates() { }

    private record Variant(double weight, List<Stroke> strokes) { }

    private static final List<List<Variant>> DIGITS = List.of(
            // 0: one oval, the pen overshoots where it started
            List.of(new Variant(1, List.of(Stroke.arc(0, 0, 0.27, 0.48, -70, -440, 15)))),
            // 1: a stroke leaning a little right (so left slants rarely make a backslash); sometimes a flag, rarely a base
            List.of(
                    new Variant(6, List.of(Stroke.smooth(0.06, -0.5, 0.0, 0.0, -0.06, 0.5))),
                    new Variant(3, List.of(Stroke.sharp(-0.14, -0.3, 0.06, -0.5),
                            Stroke.smooth(0.06, -0.5, 0.0, 0.0, -0.06, 0.5))),
                    new Variant(1, List.of(Stroke.sharp(-0.14, -0.3, 0.06, -0.5),
                            Stroke.smooth(0.06, -0.5, 0.0, 0.0, -0.06, 0.5),
                            Stroke.sharp(-0.17, 0.5, 0.15, 0.5)))),
            // 2: hook, diagonal, base (straight or wavy)
            List.of(
                    new Variant(2, List.of(
                            Stroke.smooth(-0.25, -0.3, -0.12, -0.46, 0.06, -0.5, 0.22, -0.38, 0.22, -0.18,
                                    0.08, 0.02, -0.1, 0.22, -0.27, 0.47),
                            Stroke.sharp(-0.27, 0.47, 0.28, 0.47))),
                    new Variant(1, List.of(
                            Stroke.smooth(-0.24, -0.34, -0.08, -0.5, 0.14, -0.46, 0.24, -0.28, 0.14, -0.04,
                                    -0.06, 0.18, -0.24, 0.4, -0.27, 0.47),
                            Stroke.smooth(-0.27, 0.47, -0.08, 0.42, 0.1, 0.48, 0.29, 0.44)))),
            // 3: two bumps meeting in the middle, or a flat top with a zig into the bowl
            List.of(
                    new Variant(3, List.of(
                            Stroke.smooth(-0.24, -0.38, -0.05, -0.5, 0.17, -0.45, 0.22, -0.28, 0.1, -0.1, -0.08, -0.04),
                            Stroke.smooth(-0.08, -0.04, 0.15, 0.02, 0.25, 0.2, 0.18, 0.4, 0.0, 0.5, -0.27, 0.4))),
                    new Variant(1, List.of(
                            Stroke.sharp(-0.22, -0.48, 0.22, -0.48, -0.04, -0.1),
                            Stroke.smooth(-0.04, -0.1, 0.16, -0.04, 0.26, 0.16, 0.2, 0.38, 0.0, 0.5, -0.26, 0.4)))),
            // 4: closed (diagonal) or open (upright) top; the bar always crosses the stem
            List.of(
                    new Variant(1, List.of(Stroke.sharp(0.1, -0.5, -0.3, 0.15, 0.3, 0.15),
                            Stroke.sharp(0.14, -0.45, 0.12, 0.5))),
                    new Variant(1, List.of(Stroke.sharp(-0.22, -0.5, -0.26, 0.1, 0.3, 0.1),
                            Stroke.sharp(0.14, -0.5, 0.12, 0.5)))),
            // 5: stem, belly, then the top bar; or bar first, in one go
            List.of(
                    new Variant(2, List.of(
                            Stroke.sharp(-0.16, -0.48, -0.21, -0.06),
                            Stroke.smooth(-0.21, -0.06, -0.05, -0.14, 0.15, -0.1, 0.26, 0.1, 0.22, 0.35, 0.05, 0.49,
                                    -0.14, 0.48, -0.27, 0.38),
                            Stroke.sharp(-0.16, -0.48, 0.26, -0.5))),
                    new Variant(1, List.of(
                            Stroke.sharp(0.25, -0.5, -0.15, -0.5, -0.2, -0.04),
                            Stroke.smooth(-0.2, -0.04, 0.0, -0.1, 0.2, -0.02, 0.26, 0.2, 0.16, 0.42, -0.04, 0.5,
                                    -0.26, 0.42)))),
            // 6: a curved or nearly straight sweep down the left into a loop at the bottom
            List.of(
                    new Variant(2, List.of(Stroke.smooth(0.2, -0.48, 0.02, -0.4, -0.15, -0.2, -0.25, 0.05,
                            -0.24, 0.3, -0.1, 0.48, 0.1, 0.48, 0.24, 0.32, 0.2, 0.12, 0.04, 0.04, -0.14, 0.1, -0.24, 0.25))),
                    new Variant(1, List.of(Stroke.smooth(0.14, -0.5, -0.06, -0.18, -0.2, 0.12, -0.2, 0.38,
                            -0.04, 0.5, 0.16, 0.42, 0.22, 0.22, 0.08, 0.06, -0.1, 0.1, -0.2, 0.24)))),
            // 7: bar and a sharp turn into the leg; sometimes a cross bar; never a loop
            List.of(
                    new Variant(3, List.of(Stroke.sharp(-0.26, -0.48, 0.28, -0.48),
                            Stroke.smooth(0.28, -0.48, 0.14, -0.15, 0.02, 0.18, -0.05, 0.5))),
                    new Variant(1, List.of(Stroke.sharp(-0.26, -0.48, 0.28, -0.48),
                            Stroke.smooth(0.28, -0.48, 0.14, -0.15, 0.02, 0.18, -0.05, 0.5),
                            Stroke.sharp(-0.06, 0.0, 0.24, 0.0))),
                    new Variant(1, List.of(Stroke.sharp(-0.27, -0.36, -0.26, -0.48, 0.28, -0.48),
                            Stroke.smooth(0.28, -0.48, 0.1, -0.12, 0.0, 0.2, -0.02, 0.5)))),
            // 8: one figure-of-eight stroke, or two stacked loops
            List.of(
                    new Variant(2, List.of(Stroke.smooth(0.2, -0.38, 0.0, -0.5, -0.2, -0.38, -0.15, -0.15,
                            0.0, -0.02, 0.2, 0.15, 0.22, 0.35, 0.0, 0.5, -0.22, 0.35, -0.2, 0.15, 0.0, -0.02,
                            0.17, -0.18, 0.2, -0.38))),
                    new Variant(1, List.of(Stroke.arc(0, -0.27, 0.18, 0.23, -90, 270, 12),
                            Stroke.arc(0, 0.23, 0.23, 0.27, -90, 270, 12)))),
            // 9: a loop on top of a straight or hooked stem
            List.of(
                    new Variant(2, List.of(Stroke.arc(0, -0.25, 0.22, 0.24, 0, -360, 13),
                            Stroke.smooth(0.22, -0.25, 0.2, 0.05, 0.12, 0.5))),
                    new Variant(1, List.of(Stroke.arc(0, -0.25, 0.22, 0.24, 0, -360, 13),
                            Stroke.smooth(0.22, -0.25, 0.2, 0.2, 0.05, 0.46, -0.15, 0.42)))));

    /** Picks one writing style of {@code digit}, weighted by how common it is. */
    static List<Stroke> pick(int digit, SplittableRandom rnd) {
        List<Variant> variants = DIGITS.get(digit);
        double total = 0;
        for (Variant v : variants) total += v.weight();
        double r = rnd.nextDouble() * total;
        for (Variant v : variants) {
            r -= v.weight();
            if (r < 0) return v.strokes();
        }
        return variants.get(variants.size() - 1).strokes();
    }
}
