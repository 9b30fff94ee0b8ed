package dev.masquerade.cli;

import picocli.CommandLine.Command;

/** {@code masquerade voice}: the voice swap, trained on two speakers (voice train), used on recordings (voice convert), judged. */
@Command(mixinStandardHelpOptions = true, name = "voice",
        description = "The face swap's idea on speech: a shared encoder and one decoder per speaker over log-mel frames; train it on two"
                + " speakers (voice train), then say one speaker's words in the other's voice (voice convert); see whether detectors"
                + " catch it (voice detect) and how the code's width decides whose voice comes out (voice compare).",
        subcommands = {VoiceTrainCommand.class, VoiceConvertCommand.class, VoiceDetectCommand.class, VoiceCompareCommand.class})
final class VoiceCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
