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

/**
 * The words in the bundles: every key the code asks for exists, every key exists in both
 * languages and is used, Chinese is Chinese, and each value is a pattern taking the same arguments.
 */
class TextsTest {
    /** A string literal shaped like a key ("train.seed", "menu.file.open"). */
    private static final Pattern KEY = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z0-9]+)+)\"");
    /** A Train tab setting, added with its label and its tooltip (key.tip). */
    private static final Pattern SETTING = Pattern.compile("(?:left\\(|right\\(|add\\(\\d, \\w+, )\"([^\"]+)\"");
    /** An argument of a pattern: {0}, {1,number,#}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}");

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Properties bundle() throws IOException { return bundle("messages"); }

    /** Every main source file's text. */
    private static List<String> sources() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) out.add(Files.readString(f));
        }
        return out;
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
        Properties p = bundle();
        Set<String> prefixes = new TreeSet<>();
        for (Object k : p.keySet()) prefixes.add(((String) k).substring(0, ((String) k).indexOf('.') + 1));
        Set<String> missing = new TreeSet<>();
        int uses = 0;
        for (String code : sources()) {
            Matcher m = KEY.matcher(code);
            while (m.find()) {
                String key = m.group(1);
                if (prefixes.stream().noneMatch(key::startsWith) || key.endsWith(".css") || key.endsWith(".png")
                        || key.endsWith(".json")) continue;
                uses++;
                // a key, or the stem of composed ones (Explanation reads "explain.train" + ".title")
                if (!p.containsKey(key) && p.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key + "."))) {
                    missing.add(key);
                }
            }
            Matcher s = SETTING.matcher(code);
            while (s.find()) {
                if (!p.containsKey(s.group(1) + ".tip")) missing.add(s.group(1) + ".tip");
            }
        }
        assertTrue(uses > 200, "the code reads its words from the bundle: " + uses);
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyKeyIsInBothLanguagesAndUsed() throws Exception {
        Set<String> english = new TreeSet<>(bundle().stringPropertyNames());
        Set<String> chinese = new TreeSet<>(bundle("messages_zh_CN").stringPropertyNames());
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys without a Chinese text");
        assertEquals(Set.of(), onlyChinese, "Chinese texts whose key English does not have");

        String code = String.join("\n", sources());
        Set<String> unused = new TreeSet<>();
        for (String key : english) {
            if (code.contains("\"" + key + "\"")) continue;
            int dot = key.lastIndexOf('.');
            // a composed key: its stem is written, and so is its ending (".tip", ".title")
            if (code.contains("\"" + key.substring(0, dot) + "\"") && code.contains("\"" + key.substring(dot) + "\"")) continue;
            if (key.startsWith("enum.") && isEnumValue(key)) continue; // read through Texts.name
            if (key.startsWith("class.") && code.contains("\"class.\"")) continue; // a dataset's class, read through Texts.className
            unused.add(key);
        }
        assertEquals(Set.of(), unused, "keys no code reads");
    }

    /** enum.Type.VALUE names a value of a core enum. */
    private static boolean isEnumValue(String key) throws IOException {
        String[] parts = key.split("\\.");
        if (parts.length != 3) return false;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.getFileName().toString().equals(parts[1] + ".java")).toList()) {
                if (Pattern.compile("\\b" + parts[2] + "\\b").matcher(Files.readString(f)).find()) return true;
            }
        }
        return false;
    }

    @Test
    void chineseIsWrittenInChineseWithTheSameArguments() throws IOException {
        Properties english = bundle();
        Properties chinese = bundle("messages_zh_CN");
        List<String> bad = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String zh = chinese.getProperty(key);
            if (zh == null) continue; // the test above names it
            // words, not arguments, acronyms (MSE, PSNR) or units (dB), which Chinese writes the same
            String words = en.replaceAll("\\{[^}]*}", "").replaceAll("\\b(?:[A-Z]{2,}|dB)\\b", "");
            if (WORDS.matcher(words).find() && !CJK.matcher(zh).find()) {
                bad.add(key + ": not translated: " + zh);
            }
            if (!arguments(en).equals(arguments(zh))) bad.add(key + ": arguments " + arguments(en) + " vs " + arguments(zh));
        }
        assertEquals(List.of(), bad);
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyValueIsAPatternWithItsApostrophesDoubled() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String name : List.of("messages", "messages_zh_CN")) {
            bundle(name).forEach((k, v) -> {
                String value = (String) v;
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    bad.add(name + " " + k + ": " + e.getMessage());
                }
                if (value.replace("''", "").contains("'")) bad.add(name + " " + k + ": a single apostrophe quotes text; write ''");
            });
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void unknownKeysShowAsThemselves() {
        assertEquals("[no.such.key]", Texts.get("no.such.key"));
    }
}
