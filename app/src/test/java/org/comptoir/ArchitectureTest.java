package org.comptoir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Rules Spring Modulith cannot see. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.comptoir");

    /** Controllers validate, call and map: the SQL stays behind the module's services. */
    static final ArchRule CONTROLLERS_DO_NOT_TOUCH_REPOSITORIES = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext");

    static final ArchRule NO_FIELD_INJECTION = noFields().should().beAnnotatedWith(Autowired.class);

    /** Generated jOOQ types live in a module's internal package and serve that module only. */
    static final ArchRule TABLES_STAY_IN_THEIR_MODULE = classes()
            .that().resideInAPackage("org.comptoir.(*).internal.db..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("org.comptoir.(*).internal..");

    @Test
    void controllersDoNotTouchRepositories() {
        CONTROLLERS_DO_NOT_TOUCH_REPOSITORIES.check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        NO_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void tablesAreOnlyUsedInsideTheirModule() {
        TABLES_STAY_IN_THEIR_MODULE.check(CLASSES);
    }
}
