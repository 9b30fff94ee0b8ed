package dev.masquerade.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction of README's module table, checked on the classes themselves: engine ←
 * kernels; engine ← nn ← gan ← autoencoder; engine ← nn ← faces; faces and autoencoder ← workflow; gan ← translation; autoencoder and translation ← detection; autoencoder ← motion; gan, autoencoder, translation, detection and motion ← export; detection ← voice; nn ← coursework; tutorials, coursework and cli on top. Nothing points back up,
 * and only the top sees the OpenCL backend by name (everything else finds it through
 * {@code ServiceLoader}). Maven forbids a module cycle; this also catches a lower module
 * reaching a higher one through a class on the test classpath or a copied package name.
 */
@AnalyzeClasses(packages = "dev.masquerade", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    @ArchTest
    static final ArchRule modulesOnlyLookDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("engine").definedBy("dev.masquerade.engine..")
            .layer("kernels").definedBy("dev.masquerade.kernels..")
            .layer("nn").definedBy("dev.masquerade.nn..")
            .layer("gan").definedBy("dev.masquerade.gan..")
            .layer("autoencoder").definedBy("dev.masquerade.autoencoder..")
            .layer("faces").definedBy("dev.masquerade.faces..")
            .layer("workflow").definedBy("dev.masquerade.workflow..")
            .layer("translation").definedBy("dev.masquerade.translation..")
            .layer("detection").definedBy("dev.masquerade.detection..")
            .layer("motion").definedBy("dev.masquerade.motion..")
            .layer("export").definedBy("dev.masquerade.export..")
            .layer("voice").definedBy("dev.masquerade.voice..")
            .layer("tutorials").definedBy("dev.masquerade.tutorials..")
            .layer("coursework").definedBy("dev.masquerade.coursework..")
            .layer("cli").definedBy("dev.masquerade.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("tutorials").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("coursework").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("workflow").mayOnlyBeAccessedByLayers("tutorials", "cli")
            .whereLayer("export").mayOnlyBeAccessedByLayers("tutorials", "cli")
            .whereLayer("voice").mayOnlyBeAccessedByLayers("tutorials", "cli")
            .whereLayer("translation").mayOnlyBeAccessedByLayers("detection", "export", "tutorials", "cli")
            .whereLayer("detection").mayOnlyBeAccessedByLayers("export", "voice", "tutorials", "cli")
            .whereLayer("motion").mayOnlyBeAccessedByLayers("export", "tutorials", "cli")
            .whereLayer("autoencoder").mayOnlyBeAccessedByLayers("workflow", "detection", "motion", "export", "tutorials", "cli")
            .whereLayer("faces").mayOnlyBeAccessedByLayers("workflow", "tutorials", "cli")
            .whereLayer("gan").mayOnlyBeAccessedByLayers("autoencoder", "translation", "detection", "motion", "export", "tutorials", "cli")
            .whereLayer("nn").mayOnlyBeAccessedByLayers("gan", "autoencoder", "faces", "workflow", "translation", "detection", "motion", "export", "voice", "tutorials",
                    "coursework", "cli")
            .whereLayer("kernels").mayOnlyBeAccessedByLayers("tutorials", "cli");
}
