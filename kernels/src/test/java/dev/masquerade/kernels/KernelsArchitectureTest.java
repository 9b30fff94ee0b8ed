package dev.masquerade.kernels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The OpenCL backend sits beside the CPU backend: it sees strided arrays, never tensors or the graph. */
@AnalyzeClasses(packages = "dev.masquerade.kernels", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelsArchitectureTest {

    @ArchTest
    static final ArchRule theOpenClBackendNeverSeesTheGraph = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.masquerade.engine", "dev.masquerade.engine.ops..", "dev.masquerade.engine.cpu..")
            .because("a backend computes on strided arrays (engine.array) through the Backend interface (engine.backend)");
}
