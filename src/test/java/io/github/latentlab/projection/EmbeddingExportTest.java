package io.github.latentlab.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.latentlab.TestData;
import io.github.latentlab.data.Dataset;

class EmbeddingExportTest {
    @TempDir Path dir;

    @Test
    void writesProjectorReadyTsvFilesAndCoordinatesWithFactorColumns() throws Exception {
        Dataset d = TestData.slice(TestData.digits(1000, 10).train(), 3);
        float[][] codes = {{1f, 2f}, {3f, 4f}, {5f, 6.5f}};
        double[][] xy = {{0, 1}, {2, 3}, {4, 5}};
        List<Path> files = EmbeddingExport.write(dir.resolve("out"), codes, d, xy);
        assertEquals(3, files.size());
        List<String> vectors = Files.readAllLines(dir.resolve("out/vectors.tsv"));
        assertEquals(List.of("1.0\t2.0", "3.0\t4.0", "5.0\t6.5"), vectors);
        List<String> meta = Files.readAllLines(dir.resolve("out/metadata.tsv"));
        assertEquals(4, meta.size(), "a header and one line per code");
        String[] header = meta.get(0).split("\t");
        assertEquals("label", header[0]);
        assertEquals("class", header[1]);
        assertEquals("slant", header[2], "factor columns follow");
        assertEquals("y", header[header.length - 1]);
        assertEquals(header.length, meta.get(1).split("\t").length);
        assertEquals(String.valueOf(d.label(1)), meta.get(2).split("\t")[0]);
        List<String> csv = Files.readAllLines(dir.resolve("out/coordinates.csv"));
        assertEquals("2," + d.label(2) + "," + d.classNames().get(d.label(2)) + ",4.0,5.0", csv.get(3));
    }
}
