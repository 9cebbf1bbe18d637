package org.flatspace.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md: portal -> workflows -> {config, provisioning}; config and
 * provisioning do not know each other; only the portal knows Vaadin; only workflows (and the
 * portal above it) know Camunda; libvirt stays inside provisioning.
 */
class ModuleDependenciesTest {

    private static JavaClasses flatspace;

    @BeforeAll
    static void importMainClasses() {
        flatspace = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.flatspace");
    }

    @Test
    void config_dependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.flatspace.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flatspace.provisioning..",
                        "org.flatspace.workflows..", "org.flatspace.portal.."));
    }

    @Test
    void provisioning_dependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.flatspace.provisioning..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flatspace.config..",
                        "org.flatspace.workflows..", "org.flatspace.portal.."));
    }

    @Test
    void workflows_doesNotDependOnThePortal() {
        check(noClasses().that().resideInAPackage("org.flatspace.workflows..")
                .should().dependOnClassesThat().resideInAPackage("org.flatspace.portal.."));
    }

    @Test
    void onlyThePortalUsesVaadin() {
        check(noClasses().that().resideOutsideOfPackage("org.flatspace.portal..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.."));
    }

    @Test
    void configAndProvisioningDoNotUseCamunda() {
        check(noClasses().that().resideInAnyPackage("org.flatspace.config..", "org.flatspace.provisioning..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.."));
    }

    @Test
    void libvirtStaysBehindTheHypervisorPort() {
        check(noClasses().that().resideOutsideOfPackage("org.flatspace.provisioning.hypervisor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..", "com.sun.jna.."));
    }

    @Test
    void placementIsPlainJava() {
        check(noClasses().that().resideInAPackage("org.flatspace.provisioning.placement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "org.libvirt.."));
    }

    @Test
    void rebalancingIsPlainJava() {
        check(noClasses().that().resideInAPackage("org.flatspace.provisioning.rebalance..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.hibernate..", "org.libvirt.."));
    }

    private static void check(ArchRule rule) {
        rule.check(flatspace);
    }
}
