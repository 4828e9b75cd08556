package io.github.latentlab.data.generators;

/**
 * One pen stroke of a glyph template: control points {@code x0, y0, x1, y1, ...} in glyph units
 * (height 1, centred on the origin, y pointing down). A smooth stroke is drawn as a Catmull-Rom
 * curve through its points, a sharp one as straight segments (for corners such as the top of a 7).
 */
record Stroke(double[] xy, boolean smooth) {
    Stroke {
        if (xy.length < 4 || xy.length % 2 != 0) {
            throw new IllegalArgumentException("a stroke needs at least two x,y points: " + xy.length + " values");
        }
    }

    int points() { return xy.length / 2; }

    static Stroke smooth(double... xy) { return new Stroke(xy, true); }

    static Stroke sharp(double... xy) { return new Stroke(xy, false); }

    /**
     * Points on an ellipse arc, as a smooth stroke. Angles in degrees, 0 = right, 90 = bottom
     * (y points down), so increasing angles run clockwise on screen.
     */
    static Stroke arc(double cx, double cy, double rx, double ry, double fromDeg, double toDeg, int n) {
        double[] xy = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * k / (n - 1));
            xy[2 * k] = cx + rx * Math.cos(a);
            xy[2 * k + 1] = cy + ry * Math.sin(a);
        }
        return smooth(xy);
    }
}
