package org.flatspace.portal;

import org.flatspace.portal.startup.LibvirtPrerequisite;
import org.flatspace.workflows.WorkflowsModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Starts Flatspace: the portal on top of the workflows, config and provisioning modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(WorkflowsModule.class)
@Theme(themeClass = Lumo.class)
public class FlatspaceApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        LibvirtPrerequisite.ensureInstalled();
        SpringApplication.run(FlatspaceApplication.class, args);
    }
}
