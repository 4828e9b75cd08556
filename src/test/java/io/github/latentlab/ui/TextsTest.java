package io.github.latentlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The words in the bundle: every key the code asks for exists, and every value is a valid pattern. */
class TextsTest {
    /** A string literal shaped like a key of one of the bundle's sections ("train.seed"). */
    private static final Pattern KEY = Pattern.compile("\"((?:train|latent|noise|draw|runs)\\.[A-Za-z.]+)\"");
    /** A Train tab setting, added with its label and its tooltip (key.tip). */
    private static final Pattern SETTING = Pattern.compile("(?:left\\(|right\\(|add\\(\\d, \\w+, )\"([^\"]+)\"");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
        Properties p = bundle();
        Set<String> missing = new TreeSet<>();
        int uses = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                Matcher m = KEY.matcher(code);
                while (m.find()) {
                    uses++;
                    if (!p.containsKey(m.group(1))) missing.add(m.group(1) + " (" + f.getFileName() + ")");
                }
                Matcher s = SETTING.matcher(code);
                while (s.find()) {
                    if (!p.containsKey(s.group(1) + ".tip")) missing.add(s.group(1) + ".tip (" + f.getFileName() + ")");
                }
            }
        }
        assertTrue(uses > 20, "the code reads its words from the bundle");
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyValueIsAPatternWithItsApostrophesDoubled() throws IOException {
        List<String> bad = new ArrayList<>();
        bundle().forEach((k, v) -> {
            String value = (String) v;
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException e) {
                bad.add(k + ": " + e.getMessage());
            }
            if (value.replace("''", "").contains("'")) bad.add(k + ": a single apostrophe quotes text; write ''");
        });
        assertEquals(List.of(), bad);
    }

    @Test
    void pluralsAndArgumentsAreFilledIn() {
        assertEquals("[no.such.key]", Texts.get("no.such.key"));
    }
}
