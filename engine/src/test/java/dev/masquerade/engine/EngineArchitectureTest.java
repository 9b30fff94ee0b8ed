package dev.masquerade.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layers, as rules that fail the build when an import breaks them.
 *
 * <pre>
 *   Tensor, Autograd, Node, Memory + ops/    the autograd layer (Tensor is the front door of ops/)
 *        │
 *   backend/                                  the Backend interface, opcodes, geometries
 *        │           cpu/ ──┘                 the CPU backend (found through ServiceLoader)
 *   array/                                    strided arrays: storage, dtype, shape, strides, device
 * </pre>
 *
 * Backends see strided arrays, never tensors or the graph, as minitorch's {@code TensorData}
 * sits under its {@code Tensor}.
 */
@AnalyzeClasses(packages = "dev.masquerade.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule layersOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("autograd").definedBy("dev.masquerade.engine", "dev.masquerade.engine.ops..")
            .layer("backend").definedBy("dev.masquerade.engine.backend..")
            .layer("cpu").definedBy("dev.masquerade.engine.cpu..")
            .layer("array").definedBy("dev.masquerade.engine.array..")
            .whereLayer("autograd").mayNotBeAccessedByAnyLayer()
            .whereLayer("cpu").mayNotBeAccessedByAnyLayer()
            .whereLayer("backend").mayOnlyBeAccessedByLayers("autograd", "cpu")
            .whereLayer("array").mayOnlyBeAccessedByLayers("autograd", "backend", "cpu");

    @ArchTest
    static final ArchRule backendsNeverSeeTheGraph = noClasses()
            .that().resideInAnyPackage("dev.masquerade.engine.array..", "dev.masquerade.engine.backend..", "dev.masquerade.engine.cpu..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.masquerade.engine", "dev.masquerade.engine.ops..")
            .because("a backend computes on strided arrays; Tensor, Autograd, Node, Memory and ops/ are the layer above");

    /**
     * Every package below the root is free of cycles. The root package and {@code ops/} refer
     * to each other by design (Tensor's methods are one-line delegations to ops/, whose
     * operations make tensors), so they count as one layer in the rule above.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.masquerade.engine.(*)..").should().beFreeOfCycles();
}
