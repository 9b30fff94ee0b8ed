package dev.masquerade.voice.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.Module;
import dev.masquerade.nn.Sequential;
import dev.masquerade.nn.layers.Activation;
import dev.masquerade.nn.layers.Conv1d;
import dev.masquerade.voice.signal.LogMelFeatures;

/**
 * The face swap's idea on speech: one encoder shared by two speakers, one decoder per speaker,
 * over log-mel frames [N, MELS, T] (normalised per band). Trained to reconstruct each speaker
 * through their own decoder, the encoder learns what both speakers' speech has in common (the
 * words, their timing); a conversion feeds A's speech through B's decoder.
 *
 * <p>What stops the shared code from carrying the speaker too is its size: {@code code}
 * channels at half the frame rate. A narrow code has room for the words and little else, so B's
 * decoder must supply B's voice; a wide one can pass A's voice straight through, and the
 * conversion sounds like A, if B's decoder has any use for it. With one decoder per speaker it
 * has little: B's decoder never saw A's voice in training. With one decoder for both, told which
 * speaker to be ({@link VoiceSwapConfig.Decoders#SHARED}), it has every use: a decoder that can
 * read the voice off the code needs no one to tell it. The encoder halves the frame rate once (a
 * stride-2 convolution), the decoders double it back by repeating frames.
 */
public final class VoiceSwapModel extends Module {
    private final VoiceSwapConfig config;
    private final Sequential encoder;
    /** Speaker A's and B's decoders: two, or the same one twice when it is shared. */
    private final Sequential decoderA;
    private final Sequential decoderB;

    /** The two speakers. */
    public enum Speaker {
        A, B
    }

    public VoiceSwapModel(VoiceSwapConfig config, Rng rng) {
        this.config = config;
        int w = config.width(), mels = LogMelFeatures.MELS;
        this.encoder = child("encoder", new Sequential(
                new Conv1d(mels, w, 5, 1, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(w, w, 5, 2, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(w, w, 5, 1, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(w, config.code(), 1, 1, 0, rng)));
        if (config.decoders() == VoiceSwapConfig.Decoders.SHARED) {
            this.decoderA = child("decoder", decoder(config.code() + Speaker.values().length, config.width(), rng));
            this.decoderB = decoderA;
        } else {
            this.decoderA = child("decoderA", decoder(config.code(), config.width(), rng));
            this.decoderB = child("decoderB", decoder(config.code(), config.width(), rng));
        }
        buffer("band_mean", Tensor.zeros(mels));
        buffer("band_std", Tensor.ones(mels));
    }

    private static Sequential decoder(int inputs, int w, Rng rng) {
        return new Sequential(
                new Conv1d(inputs, w, 5, 1, 2, rng), Activation.leakyRelu(0.2), new RepeatFrames(2),
                new Conv1d(w, w, 5, 1, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(w, w, 5, 1, 2, rng), Activation.leakyRelu(0.2),
                new Conv1d(w, LogMelFeatures.MELS, 5, 1, 2, rng));
    }

    /** The model a 'masquerade voice train' run saved, or one line when the checkpoint is another model's. */
    public static VoiceSwapModel load(java.nio.file.Path checkpoint) throws java.io.IOException {
        VoiceSwapConfig config = VoiceSwapConfig.fromMap(dev.masquerade.nn.io.Checkpoint.load(checkpoint).config(), checkpoint.toString());
        VoiceSwapModel model = new VoiceSwapModel(config, new Rng(0));
        dev.masquerade.nn.io.Checkpoint.loadInto(checkpoint, model, java.util.Map.of());
        return model;
    }

    public VoiceSwapConfig config() {
        return config;
    }

    /** Sets the per-band mean and spread that {@link #normalise} divides out (from the training frames of both speakers). */
    public void setNormalisation(double[] mean, double[] std) {
        setBuffer("band_mean", Tensor.of(mean, mean.length));
        setBuffer("band_std", Tensor.of(std, std.length));
    }

    /** Log-mel frames [N, MELS, T] to the model's scale: each band minus its mean, over its spread. */
    public Tensor normalise(Tensor logMel) {
        return logMel.sub(buffer("band_mean").reshape(1, LogMelFeatures.MELS, 1)).div(buffer("band_std").reshape(1, LogMelFeatures.MELS, 1));
    }

    /** Back from the model's scale to log-mel frames. */
    public Tensor denormalise(Tensor normalised) {
        return normalised.mul(buffer("band_std").reshape(1, LogMelFeatures.MELS, 1)).add(buffer("band_mean").reshape(1, LogMelFeatures.MELS, 1));
    }

    /** The shared code [N, code, T/2] of normalised frames [N, MELS, T] (T even). */
    public Tensor encode(Tensor frames) {
        if (frames.rank() != 3 || frames.size(1) != LogMelFeatures.MELS || frames.size(2) % 2 != 0) {
            throw new IllegalArgumentException("the voice swap takes normalised log-mel frames [N, " + LogMelFeatures.MELS
                    + ", T] with T even, got " + Shape.str(frames.shape()));
        }
        return encoder.forward(frames);
    }

    /** One speaker's decoder: normalised frames [N, MELS, T] from a code [N, code, T/2]. */
    public Tensor decode(Speaker speaker, Tensor code) {
        if (config.decoders() == VoiceSwapConfig.Decoders.SHARED) {
            return decoderA.forward(Tensor.concat(java.util.List.of(code, speakerChannels(speaker, code.size(0), code.size(2))), 1));
        }
        return (speaker == Speaker.A ? decoderA : decoderB).forward(code);
    }

    /** [n, 2, t]: channel 0 is 1 for A, channel 1 is 1 for B, at every step; the shared decoder's "who to be". */
    static Tensor speakerChannels(Speaker speaker, int n, int t) {
        // BEGIN SOLUTION task-13.4: the one-hot of the speaker (a 1 at its ordinal, 0 elsewhere) as a [1, 2, 1] tensor, expanded to [n, 2, t] so that every step of every code in the batch carries it (see tutorials/32-speech.md)
        double[] oneHot = new double[Speaker.values().length];
        oneHot[speaker.ordinal()] = 1;
        return Tensor.of(oneHot, 1, oneHot.length, 1).expand(n, oneHot.length, t);
        // END SOLUTION
    }

    /** Normalised frames said again by {@code speaker}. */
    public Tensor convert(Speaker speaker, Tensor frames) {
        return decode(speaker, encode(frames));
    }

    /** [N, C, T] → [N, C, factor·T], each frame repeated: the decoders' way back to the frame rate. */
    static final class RepeatFrames extends Layer {
        private final int factor;

        RepeatFrames(int factor) {
            this.factor = factor;
        }

        @Override
        public Tensor forward(Tensor x) {
            int n = x.size(0), c = x.size(1), t = x.size(2);
            return x.reshape(n, c, t, 1).expand(n, c, t, factor).reshape(n, c, t * factor);
        }
    }
}
