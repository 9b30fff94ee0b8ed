package dev.masquerade.voice.audio;

import dev.masquerade.nn.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV files in and out through {@code javax.sound.sampled}. Reading gives 16 kHz mono: a file in
 * another encoding that Java converts (8-, 24- or 32-bit PCM, float, µ-law) becomes 16-bit PCM,
 * stereo is mixed down by averaging the channels, and another rate is resampled with a
 * windowed-sinc filter ({@link Resampler}); each change is named in
 * {@link Waveform#conversions()}. Writing gives 16-bit PCM mono.
 */
public final class Wav {
    private static final String FIX = "convert it with: ffmpeg -i IN -ac 1 -ar 16000 -sample_fmt s16 OUT.wav";

    private Wav() {
    }

    /** Reads a WAV file as 16 kHz mono samples in [−1, 1]. */
    public static Waveform read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no WAV file at " + file);
        }
        AudioInputStream in;
        try {
            in = AudioSystem.getAudioInputStream(file.toFile());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + " is not a sound file Java can read (a WAV of PCM samples is expected); " + FIX);
        }
        List<String> conversions = new ArrayList<>();
        AudioFormat format = in.getFormat();
        AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, format.getSampleRate(), 16, format.getChannels(),
                2 * format.getChannels(), format.getSampleRate(), false);
        if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
            if (!AudioSystem.isConversionSupported(pcm16, format)) {
                throw new IOException(file + " holds " + format.getEncoding() + " samples of " + format.getSampleSizeInBits()
                        + " bits, which Java cannot turn into PCM; " + FIX);
            }
            conversions.add(describe(format) + " converted to 16-bit PCM");
            in = AudioSystem.getAudioInputStream(pcm16, in);
        }
        byte[] bytes;
        try (AudioInputStream stream = in) {
            bytes = stream.readAllBytes();
        }
        int channels = format.getChannels();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] samples = new double[bytes.length / (2 * channels)];
        for (int i = 0; i < samples.length; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += buffer.getShort() / 32768.0;
            }
            samples[i] = sum / channels;
        }
        if (channels > 1) {
            conversions.add(channels + " channels mixed down to mono");
        }
        int rate = Math.round(format.getSampleRate());
        if (rate != Waveform.SPEECH_RATE) {
            samples = Resampler.resample(samples, rate, Waveform.SPEECH_RATE);
            conversions.add("resampled from " + rate + " Hz to " + Waveform.SPEECH_RATE + " Hz");
        }
        return new Waveform(samples, Waveform.SPEECH_RATE, List.copyOf(conversions));
    }

    /** Writes samples as a 16-bit PCM mono WAV file, full scale ±1 as reading takes it, clipping beyond; atomically. */
    public static void write(Waveform sound, Path file) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(2 * sound.samples().length).order(ByteOrder.LITTLE_ENDIAN);
        for (double s : sound.samples()) {
            pcm.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * 32768))));
        }
        AudioFormat format = new AudioFormat(sound.sampleRate(), 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, sound.samples().length),
                AudioFileFormat.Type.WAVE, out);
        AtomicFiles.write(file, out.toByteArray());
    }

    private static String describe(AudioFormat format) {
        return format.getEncoding() + " " + format.getSampleSizeInBits() + "-bit" + (format.isBigEndian() ? " big-endian" : "");
    }
}
