package dev.badgeworks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The package rules each package-info.java states ("May use …"), checked: a package may depend on itself, on the
 * JDK and libraries, and on the Badgeworks packages listed here, nothing else. A change that needs another
 * dependency changes its package-info and this table together.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.badgeworks.";

    /** Each package and the Badgeworks packages it may use, as its package-info says. */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("activity.boundary", Set.of("api", "platform", "security.boundary", "activity.control",
                "activity.store", "badge.control", "badge.entity", "badge.store", "earn.boundary", "earn.control",
                "earn.entity", "events.control", "events.entity", "events.store"));
        MAY_USE.put("activity.control", Set.of("api", "platform"));
        MAY_USE.put("activity.store", Set.of("api", "platform", "activity.control", "earn.control"));
        MAY_USE.put("api", Set.of("platform"));
        MAY_USE.put("console.boundary", Set.of("api"));
        MAY_USE.put("platform", Set.of());
        MAY_USE.put("badge.boundary", Set.of("api", "platform", "security.boundary", "badge.control", "badge.entity",
                "badge.store"));
        MAY_USE.put("badge.control", Set.of("api", "badge.entity"));
        MAY_USE.put("badge.entity", Set.of("api"));
        MAY_USE.put("badge.store", Set.of("api", "platform", "badge.control", "badge.entity"));
        MAY_USE.put("customer.boundary", Set.of("api", "platform", "security.boundary", "badge.boundary",
                "badge.entity", "badge.store", "earn.control", "earn.entity", "earn.store", "customer.control",
                "customer.entity", "customer.store"));
        MAY_USE.put("customer.control", Set.of("api", "badge.entity", "customer.entity"));
        MAY_USE.put("customer.entity", Set.of());
        MAY_USE.put("customer.store", Set.of("api", "platform", "badge.entity", "earn.entity", "customer.control",
                "customer.entity"));
        MAY_USE.put("earn.boundary", Set.of("api", "platform", "security.boundary", "badge.boundary", "badge.control",
                "badge.entity", "badge.store", "earn.control", "earn.entity", "earn.store", "events.control",
                "events.store"));
        MAY_USE.put("earn.control", Set.of("api", "platform", "badge.entity", "earn.entity"));
        MAY_USE.put("earn.entity", Set.of("badge.entity"));
        MAY_USE.put("earn.store", Set.of("api", "platform", "badge.entity", "badge.store", "earn.control",
                "earn.entity"));
        MAY_USE.put("events.boundary", Set.of("api", "platform", "security.boundary", "security.control",
                "security.entity", "events.control", "events.entity", "events.store"));
        MAY_USE.put("events.control", Set.of("api", "events.entity"));
        MAY_USE.put("events.entity", Set.of());
        MAY_USE.put("events.store", Set.of("platform", "events.control", "events.entity"));
        MAY_USE.put("imports.batch", Set.of("api", "platform", "earn.boundary", "earn.control", "earn.entity",
                "activity.boundary", "activity.control", "imports.boundary", "imports.control", "imports.entity",
                "imports.store"));
        MAY_USE.put("imports.boundary", Set.of("api", "platform", "security.boundary", "imports.control",
                "imports.entity", "imports.store"));
        MAY_USE.put("imports.control", Set.of("api", "platform", "earn.control", "activity.control",
                "imports.entity"));
        MAY_USE.put("imports.entity", Set.of());
        MAY_USE.put("imports.store", Set.of("api", "platform", "imports.control", "imports.entity"));
        MAY_USE.put("monitoring.boundary", Set.of("api", "platform", "security.boundary"));
        MAY_USE.put("security.boundary", Set.of("api", "platform", "security.control", "security.entity",
                "security.store"));
        MAY_USE.put("security.control", Set.of("api", "security.entity"));
        MAY_USE.put("security.entity", Set.of());
        MAY_USE.put("security.store", Set.of("api", "platform", "security.entity"));
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.badgeworks");

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyWhatItsPackageInfoAllows() {
        return MAY_USE.entrySet().stream().map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> {
            String[] forbidden = MAY_USE.keySet().stream()
                    .filter(other -> !other.equals(rule.getKey()) && !rule.getValue().contains(other))
                    .map(other -> ROOT + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + rule.getKey())
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("package-info.java of " + ROOT + rule.getKey() + " says what it may use")
                    .check(MAIN);
        }));
    }

    @Test
    void onlyStoresReachTheDatabase() {
        // a feature's data access has one home (its store package); platform holds the shared JDBC plumbing
        noClasses().that().resideOutsideOfPackages("dev.badgeworks..store..", ROOT + "platform..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.Query")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.TypedQuery")
                .because("data access lives in each feature's store package (see its package-info)")
                .check(MAIN);
    }

    @Test
    void storesAreNotEndpoints() {
        noClasses().that().resideInAPackage("dev.badgeworks..store..")
                .should().beAnnotatedWith("jakarta.ws.rs.Path")
                .because("a store only reads and writes; requests enter through boundary")
                .check(MAIN);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        // api and platform used each other until issue 27; a cycle makes "may use" meaningless
        slices().matching("dev.badgeworks.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @TestFactory
    Stream<DynamicTest> everyPackageHasARule() {
        return MAIN.stream().map(c -> c.getPackageName()).distinct()
                .filter(p -> !p.equals("dev.badgeworks"))
                .map(p -> DynamicTest.dynamicTest(p, () -> {
                    if (!MAY_USE.containsKey(p.substring(ROOT.length()))) {
                        throw new AssertionError(p + " has no rule here: add what its package-info allows");
                    }
                }));
    }
}
