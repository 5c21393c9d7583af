// SPDX-License-Identifier: Apache-2.0
package org.medsupply;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package arrows of the house style, on the production classes: {@code domain} ← {@code solver} ←
 * {@code service} ← {@code api} and {@code cli}; {@code store} beside {@code service}, which owns it. A rule
 * whose package is renamed away fails too, as it would then check no class.
 */
@AnalyzeClasses(packages = "org.medsupply", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageArrowsTest {

    @ArchTest
    static final ArchRule domainUsesNoJacksonJaxRsOrJdbc = noClasses().that().resideInAPackage("org.medsupply.domain..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson..", "jakarta.ws.rs..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule domainUsesNoOtherProjectPackage = noClasses().that().resideInAPackage("org.medsupply.domain..")
            .should().dependOnClassesThat(
                    resideInAPackage("org.medsupply..").and(resideOutsideOfPackage("org.medsupply.domain..")));

    @ArchTest
    static final ArchRule solverKnowsNoHttpNorTheLayersAboveIt = noClasses().that()
            .resideInAPackage("org.medsupply.solver..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish..",
                    "org.medsupply.service..", "org.medsupply.store..", "org.medsupply.api..", "org.medsupply.cli..");

    @ArchTest
    static final ArchRule serviceKnowsNoApiNorCli = noClasses().that().resideInAPackage("org.medsupply.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medsupply.api..", "org.medsupply.cli..");

    @ArchTest
    static final ArchRule storeKnowsNotWhoUsesIt = noClasses().that().resideInAPackage("org.medsupply.store..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.medsupply.service..", "org.medsupply.api..", "org.medsupply.cli..");

    /** The resources hand work to the service; they never build a solver themselves. */
    @ArchTest
    static final ArchRule apiSolvesThroughTheService = noClasses().that().resideInAPackage("org.medsupply.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.medsupply.solver..", "org.optaplanner..");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.medsupply.(*)..").should().beFreeOfCycles();
}
