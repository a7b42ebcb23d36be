package dev.synckit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * DESIGN.md's dependency rules, checked on the main classes of every module: canonical depends on
 * nothing of ours, core only on canonical, connectors only on core and canonical and never on each
 * other, the testkit on no other module, and nobody reaches into another module's {@code internal}
 * packages. Lives here because this module sees every other one.
 */
@AnalyzeClasses(packages = "dev.synckit", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String CANONICAL = "dev.synckit.canonical..";
    private static final String CORE = "dev.synckit.core..";
    private static final String SALESFORCE = "dev.synckit.salesforce..";
    private static final String NETSUITE = "dev.synckit.netsuite..";
    private static final String ZENDESK = "dev.synckit.zendesk..";
    private static final String TESTKIT = "dev.synckit.testkit..";
    private static final String EXAMPLES = "dev.synckit.examples..";
    private static final String BENCHMARKS = "dev.synckit.benchmarks..";

    @ArchTest
    static final ArchRule canonical_dependsOnNothingOfOurs = noClasses().that().resideInAPackage(CANONICAL)
            .should().dependOnClassesThat().resideInAnyPackage(CORE, SALESFORCE, NETSUITE, ZENDESK, TESTKIT, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule core_dependsOnlyOnCanonical = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(SALESFORCE, NETSUITE, ZENDESK, TESTKIT, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule salesforce_dependsOnNoOtherConnector = noClasses().that().resideInAPackage(SALESFORCE)
            .should().dependOnClassesThat().resideInAnyPackage(NETSUITE, ZENDESK, TESTKIT, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule netsuite_dependsOnNoOtherConnector = noClasses().that().resideInAPackage(NETSUITE)
            .should().dependOnClassesThat().resideInAnyPackage(SALESFORCE, ZENDESK, TESTKIT, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule zendesk_dependsOnNoOtherConnector = noClasses().that().resideInAPackage(ZENDESK)
            .should().dependOnClassesThat().resideInAnyPackage(SALESFORCE, NETSUITE, TESTKIT, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule testkit_isWrittenFromTheDocs_notFromOurCode = noClasses().that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(CANONICAL, CORE, SALESFORCE, NETSUITE, ZENDESK, EXAMPLES, BENCHMARKS);

    @ArchTest
    static final ArchRule internalPackages_areUsedOnlyInsideTheirModule = noClasses()
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                    "depend on another module's internal packages") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass item,
                        com.tngtech.archunit.lang.ConditionEvents events) {
                    String own = moduleRoot(item.getPackageName());
                    item.getDirectDependenciesFromSelf().forEach(d -> {
                        String target = d.getTargetClass().getPackageName();
                        if (target.startsWith("dev.synckit.") && target.contains(".internal")
                                && !moduleRoot(target).equals(own)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    });
                }
            });

    @ArchTest
    static final ArchRule libraries_logThroughTheSlf4jApiOnly = noClasses()
            .that().resideInAnyPackage(CANONICAL, CORE, SALESFORCE, NETSUITE, ZENDESK, TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j.simple..", "org.slf4j.impl..", "java.util.logging..");

    /** {@code dev.synckit.core.journal.internal} → {@code dev.synckit.core}. */
    static String moduleRoot(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : packageName;
    }
}
