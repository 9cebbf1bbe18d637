package org.flatspace.portal.catalog;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.flatspace.config.catalog.CatalogService;
import org.flatspace.portal.BrowserlessUi;
import org.flatspace.portal.security.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

/** Sizes and tiers: a wrong value is named beside its field, and nothing is created. */
class CatalogAdminViewTest {

    private final BrowserlessUi ui = new BrowserlessUi();
    private CatalogService catalog;

    @BeforeEach
    void openTheCatalog() {
        catalog = ui.mock(CatalogService.class);
        ui.start();
        SignedIn.as(SignedIn.admin());
        BrowserlessUi.open("admin/catalog");
    }

    @AfterEach
    void stop() {
        ui.stop();
    }

    @Test
    void aSizeWithoutNameNorVcpu_namesEachWrongFieldBesideIt_andCreatesNothing() {
        _setValue(integer("size-vcpu"), 0);
        _setValue(integer("size-memory"), 4);

        _click(button("add-size"));

        assertError(_get(TextField.class, spec -> spec.withId("size-name")), "Name the size");
        assertError(integer("size-vcpu"), "At least 1 vCPU");
        assertThat(integer("size-memory").isInvalid()).isFalse();
        verify(catalog, never()).createSize(anyString(), anyInt(), anyLong(), anyLong());
    }

    @Test
    void aNegativeDisk_isRefusedBesideTheDisk() {
        fillSize("tiny", 1, 1);
        _setValue(integer("size-disk"), -5);

        _click(button("add-size"));

        assertError(integer("size-disk"), "No negative disk: 0 for none");
        verify(catalog, never()).createSize(anyString(), anyInt(), anyLong(), anyLong());
    }

    @Test
    void aTakenSizeName_isNamedBesideTheName() {
        when(catalog.createSize("small", 1, 2048, 0)).thenThrow(new DataIntegrityViolationException("uk_size_name"));
        fillSize("small", 1, 2);

        _click(button("add-size"));

        assertError(_get(TextField.class, spec -> spec.withId("size-name")), "That name is taken: choose another");
    }

    @Test
    void aGoodSize_isCreatedWithItsMemoryInMib() {
        fillSize("xlarge", 16, 64);
        _setValue(integer("size-disk"), 200);

        _click(button("add-size"));

        verify(catalog).createSize("xlarge", 16, 65536, 200);
        assertThat(integer("size-vcpu").isInvalid()).isFalse();
    }

    @Test
    void whatTheServiceStillRefuses_showsUnderTheSizeForm() {
        when(catalog.createSize(anyString(), anyInt(), anyLong(), anyLong()))
                .thenThrow(new IllegalArgumentException("A size needs a name of 1 to 100 characters"));
        fillSize("x".repeat(120), 1, 1);

        _click(button("add-size"));

        assertThat(_get(Span.class, spec -> spec.withId("size-error")).getText())
                .isEqualTo("A size needs a name of 1 to 100 characters");
    }

    @Test
    void aTierOvercommitBelowOne_isRefusedBesideIt_andCreatesNothing() {
        _setValue(_get(TextField.class, spec -> spec.withId("tier-name")), "bronze");
        _setValue(_get(NumberField.class, spec -> spec.withId("tier-overcommit")), 0.5);

        _click(button("add-tier"));

        assertError(_get(NumberField.class, spec -> spec.withId("tier-overcommit")),
                "A ratio of at least 1.0 (1.0: no overcommit)");
        verify(catalog, never()).createTier(anyString(), anyBoolean(), anyBoolean(), anyBoolean(), anyDouble());
    }

    @Test
    void aTierWithoutName_isRefusedBesideTheName() {
        _click(button("add-tier"));

        assertError(_get(TextField.class, spec -> spec.withId("tier-name")), "Name the tier");
        verify(catalog, never()).createTier(any(), anyBoolean(), anyBoolean(), anyBoolean(), anyDouble());
    }

    private static void fillSize(String name, int vcpu, int memoryGib) {
        _setValue(_get(TextField.class, spec -> spec.withId("size-name")), name);
        _setValue(integer("size-vcpu"), vcpu);
        _setValue(integer("size-memory"), memoryGib);
    }

    private static void assertError(HasValidation field, String message) {
        assertThat(field.isInvalid()).as("invalid").isTrue();
        assertThat(field.getErrorMessage()).isEqualTo(message);
    }

    private static IntegerField integer(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }
}
