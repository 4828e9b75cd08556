package io.github.latentlab.projection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.latentlab.data.Dataset;
import io.github.latentlab.util.AtomicFiles;

/**
 * Writes codes and their map for other tools: {@code vectors.tsv} (one code per line, tab
 * separated, no header) and {@code metadata.tsv} (a header, then label, class name, factor
 * columns and map x, y per line), which the TensorFlow Embedding Projector loads as they are, and
 * {@code coordinates.csv} (index, label, class, x, y). Each file is written atomically.
 */
public final class EmbeddingExport {
    private EmbeddingExport() { }

    /** Rows 0..codes.length-1 of {@code data} with their codes and (optional) map positions. */
    public static List<Path> write(Path folder, float[][] codes, Dataset data, double[][] xyOrNull) throws IOException {
        Files.createDirectories(folder);
        StringBuilder vectors = new StringBuilder();
        for (float[] c : codes) {
            for (int j = 0; j < c.length; j++) {
                if (j > 0) vectors.append('\t');
                vectors.append(c[j]);
            }
            vectors.append('\n');
        }
        Map<String, float[]> factors = data.factors();
        StringBuilder meta = new StringBuilder("label\tclass");
        factors.keySet().forEach(name -> meta.append('\t').append(clean(name)));
        if (xyOrNull != null) meta.append("\tx\ty");
        meta.append('\n');
        StringBuilder csv = new StringBuilder("index,label,class,x,y\n");
        for (int i = 0; i < codes.length; i++) {
            String cls = clean(data.classNames().get(data.label(i)));
            meta.append(data.label(i)).append('\t').append(cls);
            for (float[] column : factors.values()) meta.append('\t').append(column[i]);
            if (xyOrNull != null) meta.append('\t').append(xyOrNull[i][0]).append('\t').append(xyOrNull[i][1]);
            meta.append('\n');
            if (xyOrNull != null) {
                csv.append(i).append(',').append(data.label(i)).append(',').append(cls.replace(",", " "))
                        .append(',').append(xyOrNull[i][0]).append(',').append(xyOrNull[i][1]).append('\n');
            }
        }
        Path v = folder.resolve("vectors.tsv"), m = folder.resolve("metadata.tsv");
        AtomicFiles.write(v, vectors.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(m, meta.toString().getBytes(StandardCharsets.UTF_8));
        if (xyOrNull == null) return List.of(v, m);
        Path c = folder.resolve("coordinates.csv");
        AtomicFiles.write(c, csv.toString().getBytes(StandardCharsets.UTF_8));
        return List.of(v, m, c);
    }

    /** Tabs and newlines would break the TSV. */
    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
