package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade faces}: face-api's pre-trained face networks, run on the engine. */
@Command(mixinStandardHelpOptions = true, name = "faces",
        description = "Find faces, their 68 landmarks and their 128-d descriptors with face-api's pre-trained networks (faces detect),"
                + " or tell whether two photos show one person (faces compare). The weights are fetched from npm on first use.",
        subcommands = {FacesDetectCommand.class, FacesCompareCommand.class})
final class FacesCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
