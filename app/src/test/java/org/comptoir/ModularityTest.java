package org.comptoir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold, and the module documentation in docs/modules is regenerated. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ComptoirApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path folder = Path.of("../docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        for (var module : modules) {
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
        }
        assertThat(Files.readString(folder.resolve("components.puml"))).contains("Inventory", "Catalogue");
    }
}
