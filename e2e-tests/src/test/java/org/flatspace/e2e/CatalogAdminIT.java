package org.flatspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An admin adds a size; a size without CPU or with a taken name is refused with the reason beside the field. */
class CatalogAdminIT extends PortalBrowserTest {

    @Test
    void adminAddsASize_andBadValuesAreExplained() {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 6);
        new LoginPage(browser).open().signInAs("admin", "flatspace");
        CatalogAdminPage catalog = new CatalogAdminPage(browser).open();

        catalog.addSize(name, "0", "4", "40");
        assertThat(catalog.errorOf("size-vcpu")).isEqualTo("At least 1 vCPU");

        catalog.addSize(name, "2", "4", "40");
        assertThat(catalog.errorOf("size-vcpu")).isNull();
        assertThat(catalog.sizeError()).isEmpty();
        assertThat(catalog.sizeCells()).contains(name);

        catalog.addSize(name, "2", "4", "40");
        assertThat(catalog.errorOf("size-name")).isEqualTo("That name is taken: choose another");
    }
}
