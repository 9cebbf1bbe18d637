package org.flatspace.portal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundle and the code agree: every key the portal's code looks up is in translations.properties,
 * every key there is used, the enums shown by name have a text for every constant, and a key is
 * always a literal (so this scan sees it). Also the MessageFormat quoting rule.
 */
class TranslationKeysTest {

    static final Path SOURCES = Path.of("src/main/java/org/flatspace/portal");
    static final String BUNDLE = "/vaadin-i18n/translations.properties";

    /** A key: lower-case words joined by dots, e.g. request.form.size.label. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    /** A call that looks a text up. */
    private static final Pattern LOOKUP = Pattern.compile("(?:getTranslation|Texts\\.of)\\(");

    @Test
    void everyKeyTheCodeNames_isInTheBundle() {
        Map<String, String> bundle = bundle();

        Map<String, List<String>> missing = new TreeMap<>();
        usedKeys().forEach((key, where) -> {
            if (!bundle.containsKey(key)) {
                missing.put(key, where);
            }
        });

        assertThat(missing).as("keys used in the code but missing in %s", BUNDLE).isEmpty();
    }

    @Test
    void everyKeyOfTheBundle_isUsed() {
        Set<String> used = new HashSet<>(usedKeys().keySet());
        used.addAll(enumKeys());

        Set<String> unused = new TreeSet<>(bundle().keySet());
        unused.removeAll(used);

        assertThat(unused).as("keys in %s that no code uses", BUNDLE).isEmpty();
    }

    @Test
    void everyConstantOfAnEnumShownByName_hasItsText_andNoOtherEnumHasTexts() {
        Set<String> enumKeysInBundle = bundle().keySet().stream().filter(k -> k.startsWith("enum."))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(enumKeysInBundle).containsExactlyInAnyOrderElementsOf(enumKeys());
    }

    @Test
    void aTextIsLookedUpByALiteralKey_soThisScanSeesIt() {
        List<String> dynamic = new ArrayList<>();
        forEachSource((file, text) -> {
            if (file.getFileName().toString().equals("Texts.java")) {
                return; // the look-up itself, passing on its caller's key
            }
            Matcher call = LOOKUP.matcher(text);
            while (call.find()) {
                String first = firstArgument(text, call.end());
                boolean literal = first.startsWith("\"");
                boolean choiceOfLiterals = first.matches("(?s)[^\"]*\\?\\s*\"[^\"]*\"\\s*(?::\\s*\"[^\"]*\"\\s*)?");
                if (!literal && !choiceOfLiterals) {
                    dynamic.add(file.getFileName() + ": " + call.group() + first);
                }
            }
        });

        assertThat(dynamic).as("look-ups whose key is not a literal").isEmpty();
    }

    @Test
    void aPatternWithParameters_writesAQuoteTwice_andAPlainTextOnce() {
        List<String> wrong = new ArrayList<>();
        bundle().forEach((key, value) -> {
            boolean pattern = value.matches("(?s).*\\{\\d.*");
            // with parameters the value goes through MessageFormat, where a single quote starts a quoted part
            if (pattern && value.replace("''", "").contains("'")) {
                wrong.add(key + " (a single ' in a pattern: write '')");
            }
            if (!pattern && value.contains("''")) {
                wrong.add(key + " ('' in a text without parameters shows twice)");
            }
        });

        assertThat(wrong).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        List<String> keys;
        try (InputStream in = TranslationKeysTest.class.getResourceAsStream(BUNDLE)) {
            keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')).strip())
                    .toList();
        }

        assertThat(keys).doesNotHaveDuplicates();
    }

    /** The first argument of a call whose "(" ends at {@code start}: up to a comma or ")" outside brackets and quotes. */
    private static String firstArgument(String text, int start) {
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                quoted = c != '"' || text.charAt(i - 1) == '\\';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                return text.substring(start, i).strip();
            }
        }
        return text.substring(start).strip();
    }

    /** The keys the code looks up (the literals in the first argument of every look-up), with their files. */
    static Map<String, List<String>> usedKeys() {
        Map<String, List<String>> used = new TreeMap<>();
        forEachSource((file, text) -> {
            Matcher call = LOOKUP.matcher(text);
            while (call.find()) {
                Matcher literal = KEY_LITERAL.matcher(firstArgument(text, call.end()));
                while (literal.find()) {
                    used.computeIfAbsent(literal.group(1), k -> new ArrayList<>()).add(file.getFileName().toString());
                }
            }
        });
        return used;
    }

    static Set<String> enumKeys() {
        return Texts.SHOWN_ENUMS.stream().flatMap(type -> Arrays.stream(type.getEnumConstants()).map(Texts::key))
                .collect(Collectors.toSet());
    }

    static Map<String, String> bundle() {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = TranslationKeysTest.class.getResourceAsStream(BUNDLE)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> bundle = new TreeMap<>();
        properties.forEach((k, v) -> bundle.put((String) k, (String) v));
        return bundle;
    }

    private static void forEachSource(java.util.function.BiConsumer<Path, String> action) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                action.accept(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
