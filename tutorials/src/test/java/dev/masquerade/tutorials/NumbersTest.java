package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The numbers the prose quotes are the numbers the code computes: every number marked
 * {@code 64<!-- =df/dx -->} in a chapter must equal its chapter's {@code numbers().get("df/dx")}
 * to the digits shown (7.1e-15 too: to the mantissa's digits at its exponent), and every
 * computed number must be quoted somewhere.
 */
class NumbersTest {
    private static final Pattern QUOTED = Pattern.compile("(-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?)\\$?<!-- =(.+?) -->");

    @TestFactory
    List<DynamicTest> everyQuotedNumberIsComputed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Chapter chapter : Chapters.ALL) {
            tests.add(DynamicTest.dynamicTest("chapter " + chapter.number() + ", " + chapter.file(), () -> {
                String text = Files.readString(SnippetsTest.CHAPTERS.resolve(chapter.file()));
                Map<String, Double> numbers = chapter.numbers();
                Set<String> quoted = new HashSet<>();
                Matcher m = QUOTED.matcher(text);
                while (m.find()) {
                    String key = m.group(2);
                    assertTrue(numbers.containsKey(key), chapter.file() + " quotes '" + key + "', which the chapter does not compute");
                    String printed = m.group(1);
                    String mantissa = printed.replaceFirst("e.*", "");
                    int exponent = printed.contains("e") ? Integer.parseInt(printed.substring(printed.indexOf('e') + 1)) : 0;
                    int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
                    double slack = 0.5 * Math.pow(10, exponent - decimals) + (printed.contains("e") ? 0 : 1e-12);
                    assertEquals(numbers.get(key), Double.parseDouble(printed), slack,
                            chapter.file() + ": " + key + " is printed as " + printed);
                    quoted.add(key);
                }
                for (String key : numbers.keySet()) {
                    assertTrue(quoted.contains(key), chapter.file() + " never quotes the computed number '" + key + "'");
                }
            }));
        }
        return tests;
    }

    @Test
    void everyChapterWithNumbersHasItsFile() throws IOException {
        for (Chapter chapter : Chapters.ALL) {
            assertTrue(Files.exists(SnippetsTest.CHAPTERS.resolve(chapter.file())), chapter.file());
            assertTrue(Files.readString(SnippetsTest.CHAPTERS.resolve(chapter.file())).startsWith("# " + chapter.number() + ". "),
                    chapter.file() + " must open with '# " + chapter.number() + ". title'");
        }
    }
}
