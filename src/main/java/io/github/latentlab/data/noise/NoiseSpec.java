package io.github.latentlab.data.noise;

/** A noise kind at a level, written {@code KIND:LEVEL} on the command line (e.g. gaussian:0.4). */
public record NoiseSpec(NoiseKind kind, double level) {
    public NoiseSpec {
        if (!(level >= 0) || level > kind.maxLevel()) {
            throw new IllegalArgumentException(kind.id() + " level " + level + " outside 0.." + kind.maxLevel());
        }
    }

    public static NoiseSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException("noise must be KIND:LEVEL, e.g. gaussian:0.4, got '" + text + "'");
        double level;
        try {
            level = Double.parseDouble(text.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("noise level must be a number: '" + text + "'");
        }
        return new NoiseSpec(NoiseKind.fromId(text.substring(0, colon)), level);
    }

    @Override public String toString() { return kind.id() + ":" + level; }
}
