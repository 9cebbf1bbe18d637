package org.flatspace.portal.i18n;

import java.text.DateFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flatspace.config.audit.AuditOutcome;
import org.flatspace.config.person.Role;
import org.flatspace.provisioning.host.HostState;
import org.flatspace.provisioning.instance.InstanceState;
import org.flatspace.provisioning.migration.MoveMethod;
import org.flatspace.provisioning.migration.MoveStatus;
import org.flatspace.provisioning.migration.PlanState;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;

/**
 * Texts from the bundle for classes that are not components (grid renderers, chart labels, text
 * helpers); components call {@code getTranslation} themselves. Dates, times and numbers are
 * formatted in the UI's locale.
 */
public final class Texts {

    /** Outside a Vaadin request (a unit test of a chart) there is no UI: English from the same bundle. */
    private static final I18NProvider ENGLISH = new DefaultI18NProvider(List.of(Locale.ROOT));

    /**
     * The enums whose constants the views show by {@link #name}: each constant has the key
     * {@code enum.<SimpleName>.<CONSTANT>} in the bundle (the bundle test checks them all).
     */
    public static final Set<Class<? extends Enum<?>>> SHOWN_ENUMS = Set.of(HostState.class, InstanceState.class,
            PlanState.class, MoveStatus.class, MoveMethod.class, AuditOutcome.class, Role.class);

    private Texts() {
    }

    /** How a state, status or role reads on screen. */
    public static String name(Enum<?> value) {
        if (value == null) {
            return "";
        }
        if (!SHOWN_ENUMS.contains(value.getDeclaringClass())) {
            throw new IllegalArgumentException(value.getDeclaringClass() + " has no texts: add it to SHOWN_ENUMS");
        }
        return of(key(value));
    }

    /** The bundle's key for an enum constant. */
    public static String key(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** The text of the key, with MessageFormat parameters, in the UI's language. */
    public static String of(String key, Object... params) {
        VaadinService service = VaadinService.getCurrent();
        if (service == null || UI.getCurrent() == null) {
            return ENGLISH.getTranslation(key, Locale.ROOT, params);
        }
        return service.getInstantiator().getI18NProvider().getTranslation(key, locale(), params);
    }

    /** The UI's locale, or the JVM's outside a UI. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.getDefault() : ui.getLocale();
    }

    /** A moment to the second, in the server's time zone. */
    public static String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(at);
    }

    /** A day. */
    public static String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .format(day);
    }

    /** A day of a moment, in the server's time zone. */
    public static String date(Instant at) {
        return at == null ? "" : date(LocalDate.ofInstant(at, ZoneId.systemDefault()));
    }

    /**
     * What a date picker says: the names of months and days and the first day of the week from the
     * UI's locale, as dates are formatted; its buttons and error messages from the bundle.
     */
    public static DatePicker.DatePickerI18n datePicker() {
        Locale locale = locale();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(Arrays.asList(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(Arrays.asList(symbols.getShortWeekdays()).subList(1, 8))
                // Vaadin counts from Sunday = 0, java.time from Monday = 1 to Sunday = 7
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(Texts.of("common.date-picker.today"))
                .setCancel(Texts.of("common.date-picker.cancel"))
                .setBadInputErrorMessage(Texts.of("common.date-picker.bad-input"))
                .setMinErrorMessage(Texts.of("common.date-picker.too-early"))
                .setMaxErrorMessage(Texts.of("common.date-picker.too-late"));
    }

    /** A number with at most one decimal, grouped as the locale groups it. */
    public static String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }
}
