package org.flatspace.portal.operations;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Prometheus reads from {@code /actuator/prometheus}: one sample's value by name and one label. */
record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)$",
            Pattern.MULTILINE);

    /** The value of the sample with this name whose labels include {@code label="value"}. */
    OptionalDouble value(String name, String label, String value) {
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            String labels = sample.group(3) == null ? "" : sample.group(3);
            if (sample.group(1).equals(name) && labels.matches("(.*,)?" + label + "=\"" + value + "\"(,.*)?")) {
                return OptionalDouble.of(Double.parseDouble(sample.group(4)));
            }
        }
        return OptionalDouble.empty();
    }

    double valueOrZero(String name, String label, String value) {
        return value(name, label, value).orElse(0);
    }
}
