package org.flatspace.portal.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * A pseudo-language made at test time from translations.properties, so it never drifts: every
 * English text wrapped as {@code ⟦...⟧}. A text on screen that is not wrapped did not come from the
 * bundle. Formats as Vaadin's DefaultI18NProvider does (MessageFormat only when there are
 * parameters).
 */
final class PseudoLocale implements I18NProvider {

    static final Locale LOCALE = new Locale("qps");
    static final String OPEN = "⟦";
    static final String CLOSE = "⟧";

    private final Map<String, String> wrapped = TranslationKeysTest.bundle().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> OPEN + e.getValue() + CLOSE));

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(LOCALE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (!LOCALE.equals(locale)) {
            // looked up in another locale than the UI's: shows unwrapped, so the check names it
            return "(" + key + " in " + locale + ")";
        }
        String pattern = wrapped.get(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
    }

    static boolean isWrapped(String text) {
        return text.startsWith(OPEN) && text.endsWith(CLOSE);
    }
}
