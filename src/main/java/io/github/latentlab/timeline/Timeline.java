package io.github.latentlab.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.github.latentlab.model.Autoencoder;
import io.github.latentlab.model.ModelMetadata;
import io.github.latentlab.model.TrainableAutoencoder;

/**
 * What a model was at each epoch of its training: the codes of the {@link TimelineImages} at every
 * epoch (float16), the reconstructions of the first {@value TimelineImages#RECONSTRUCTED} of them
 * (8-bit), and the whole model (parameters in float16, no optimizer state) at epochs
 * {@link #SNAPSHOT_EPOCHS} and at the latest epoch. Epoch 0 is the untrained model. Immutable:
 * {@link #with} returns a new timeline sharing the old frames, so a view can hold one while
 * training adds the next epoch.
 *
 * <p>Size per epoch: images × latent × 2 bytes of codes plus 100 × 784 bytes of reconstructions
 * (about 94 KB for a latent of 8), before the file's deflate; a snapshot is 2 bytes per parameter.
 * Beyond {@value #MAX_FRAMES} epochs every second stored epoch is dropped (first and last kept).
 */
public final class Timeline {
    /** Epochs whose models are kept for good; the latest epoch's is kept too, until the next. */
    public static final List<Integer> SNAPSHOT_EPOCHS = List.of(1, 3, 10);
    static final int MAX_FRAMES = 200;

    /** One epoch: codes (half bits, image-major) and reconstructions (8-bit, image-major). */
    public record Frame(int epoch, short[] codes, byte[] reconstructions) { }

    private final ModelMetadata model;
    private final TimelineImages images;
    private final List<Frame> frames;
    private final NavigableMap<Integer, short[]> snapshots;

    Timeline(ModelMetadata model, TimelineImages images, List<Frame> frames, NavigableMap<Integer, short[]> snapshots) {
        this.model = model;
        this.images = images;
        this.frames = Collections.unmodifiableList(frames);
        this.snapshots = Collections.unmodifiableNavigableMap(snapshots);
    }

    /** An empty timeline of a model following {@code images}. */
    public static Timeline start(ModelMetadata model, TimelineImages images) {
        return new Timeline(model, images, new ArrayList<>(), new TreeMap<>());
    }

    /**
     * This timeline with epoch {@code epoch} added from {@code current} (replacing a stored epoch
     * of that number or later, as after a rollback), its metadata now {@code metadata}. Encodes
     * the images on this thread: give it a model this thread may use.
     */
    public Timeline with(int epoch, Autoencoder current, ModelMetadata metadata) {
        float[][] all = images.images(images.size());
        float[][] codes = current.encode(all);
        float[][] recon = current.reconstruct(Arrays.copyOf(all, images.reconstructed()));
        int latent = current.latentSize();
        short[] half = new short[images.size() * latent];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < latent; j++) half[i * latent + j] = Half.of(codes[i][j]);
        }
        int p = images.pixelCount();
        byte[] bytes = new byte[recon.length * p];
        for (int i = 0; i < recon.length; i++) for (int j = 0; j < p; j++) bytes[i * p + j] = TimelineImages.toByte(recon[i][j]);

        List<Frame> f = new ArrayList<>(upTo(epoch - 1).frames);
        f.add(new Frame(epoch, half, bytes));
        thin(f);
        NavigableMap<Integer, short[]> s = new TreeMap<>(snapshots.headMap(epoch, false));
        // the previous latest goes unless it is one of the kept epochs
        if (!s.isEmpty() && !SNAPSHOT_EPOCHS.contains(s.lastKey())) s.remove(s.lastKey());
        if (epoch > 0 && current instanceof TrainableAutoencoder t) s.put(epoch, Half.of(t.parameters()));
        return new Timeline(metadata, images, f, s);
    }

    /** This timeline without the epochs after {@code epoch} (a run resumed from an earlier checkpoint). */
    public Timeline upTo(int epoch) {
        if (frames.isEmpty() || lastEpoch() <= epoch) return this;
        List<Frame> f = new ArrayList<>(frames.stream().filter(x -> x.epoch() <= epoch).toList());
        return new Timeline(model, images, f, new TreeMap<>(snapshots.headMap(epoch, true)));
    }

    /** Keeps at most MAX_FRAMES by dropping every second interior frame. */
    private static void thin(List<Frame> f) {
        if (f.size() <= MAX_FRAMES) return;
        List<Frame> kept = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) if (i % 2 == 0 || i == f.size() - 1) kept.add(f.get(i));
        f.clear();
        f.addAll(kept);
    }

    public ModelMetadata model() { return model; }
    public TimelineImages images() { return images; }
    public List<Frame> frames() { return frames; }
    public boolean isEmpty() { return frames.isEmpty(); }
    /** The latest epoch stored, -1 when none is. */
    public int lastEpoch() { return frames.isEmpty() ? -1 : frames.get(frames.size() - 1).epoch(); }
    public List<Integer> epochs() { return frames.stream().map(Frame::epoch).toList(); }
    /** The epochs whose whole model is kept. */
    public List<Integer> modelEpochs() { return List.copyOf(snapshots.keySet()); }
    NavigableMap<Integer, short[]> snapshots() { return snapshots; }

    /** The stored epoch nearest to {@code epoch} (the earlier one on a tie), or -1 when none is stored. */
    public int nearestEpoch(int epoch) {
        int best = -1;
        for (Frame f : frames) {
            if (best < 0 || Math.abs(f.epoch() - epoch) < Math.abs(best - epoch)) best = f.epoch();
        }
        return best;
    }

    /** The kept model's epoch nearest to {@code epoch} (the earlier on a tie), or -1 when none is kept. */
    public int nearestModelEpoch(int epoch) {
        Integer below = snapshots.floorKey(epoch);
        Integer above = snapshots.ceilingKey(epoch);
        if (below == null) return above == null ? -1 : above;
        if (above == null) return below;
        return epoch - below <= above - epoch ? below : above;
    }

    /** The frame of a stored epoch; IllegalArgumentException for one not stored. */
    public Frame frame(int epoch) {
        for (Frame f : frames) if (f.epoch() == epoch) return f;
        throw new IllegalArgumentException("epoch " + epoch + " is not in the timeline");
    }

    /** The images' codes at a stored epoch. */
    public float[][] codes(int epoch) {
        short[] half = frame(epoch).codes();
        int latent = half.length / images.size();
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) out[i] = Half.values(half, i * latent, latent);
        return out;
    }

    /** The reconstructions of the first images at a stored epoch, in [0, 1]. */
    public float[][] reconstructions(int epoch) {
        byte[] bytes = frame(epoch).reconstructions();
        int p = images.pixelCount();
        float[][] out = new float[bytes.length / p][p];
        for (int i = 0; i < out.length; i++) for (int j = 0; j < p; j++) out[i][j] = TimelineImages.toFloat(bytes[i * p + j]);
        return out;
    }

    /**
     * The model kept at {@code epoch}, built afresh from its spec (a slow call: do it off the UI
     * thread, keep the result). IllegalArgumentException when none is kept there or its
     * parameters do not fit the spec.
     */
    public TrainableAutoencoder modelAt(int epoch) {
        short[] half = snapshots.get(epoch);
        if (half == null) throw new IllegalArgumentException("no model is kept for epoch " + epoch);
        TrainableAutoencoder m = TrainableAutoencoder.create(model.spec(), model.inputSize(), model.seed());
        m.setParameters(Half.values(half, 0, half.length));
        return m;
    }

    /** Bytes held in memory by the stored epochs and models (what the file holds before deflate). */
    public long rawBytes() {
        long b = images.pixels().length;
        for (Frame f : frames) b += 2L * f.codes().length + f.reconstructions().length;
        for (short[] s : snapshots.values()) b += 2L * s.length;
        return b;
    }
}
