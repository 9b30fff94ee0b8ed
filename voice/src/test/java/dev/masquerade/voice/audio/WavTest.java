package dev.masquerade.voice.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV files in and out: 16 kHz mono 16-bit PCM, anything Java can convert converted, and one line for the rest. */
class WavTest {
    @TempDir
    Path work;

    @Test
    void aWrittenFileReadsBackToTheNearestSixteenBitLevel() throws IOException {
        double[] samples = new double[1600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 0.8 * Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }
        Path file = work.resolve("tone.wav");
        Wav.write(new Waveform(samples, 16000), file);
        Waveform back = Wav.read(file);
        assertEquals(16000, back.sampleRate());
        assertEquals(samples.length, back.samples().length);
        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i], back.samples()[i], 0.5 / 32768, "sample " + i);
        }
        assertEquals(List.of(), back.conversions());
    }

    @Test
    void aStereoFileAtCdRateIsMixedDownAndResampledWithALineEach() throws IOException {
        int rate = 44100, frames = 44100 / 10;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double tone = 0.5 * Math.sin(2 * Math.PI * 300 * i / rate);
            pcm.putShort((short) Math.round(tone * 32767)).putShort((short) Math.round(-0.5 * tone * 32767)); // left, right
        }
        Path file = work.resolve("stereo.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm.array()), new AudioFormat(rate, 16, 2, true, false), frames),
                AudioFileFormat.Type.WAVE, file.toFile());
        Waveform read = Wav.read(file);
        assertEquals(List.of("2 channels mixed down to mono", "resampled from 44100 Hz to 16000 Hz"), read.conversions());
        assertEquals(1600, read.samples().length, 1);
        double peak = 0;
        for (int i = 100; i < read.samples().length - 100; i++) {
            peak = Math.max(peak, Math.abs(read.samples()[i]));
        }
        assertEquals(0.125, peak, 0.01, "the mean of the channels, 0.5 and −0.25 of the tone");
    }

    @Test
    void eightBitSamplesAreConvertedToSixteen() throws IOException {
        byte[] unsigned = new byte[1600];
        for (int i = 0; i < unsigned.length; i++) {
            unsigned[i] = (byte) (128 + Math.round(100 * Math.sin(2 * Math.PI * 200 * i / 16000.0)));
        }
        Path file = work.resolve("eight.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(unsigned), new AudioFormat(16000, 8, 1, false, false), unsigned.length),
                AudioFileFormat.Type.WAVE, file.toFile());
        Waveform read = Wav.read(file);
        assertEquals(List.of("PCM_UNSIGNED 8-bit converted to 16-bit PCM"), read.conversions());
        assertEquals(100 / 128.0, java.util.Arrays.stream(read.samples()).max().orElseThrow(), 0.01);
    }

    @Test
    void aFileThatIsNotSoundOrIsMissingIsOneLine() throws IOException {
        Path text = work.resolve("notes.wav");
        Files.writeString(text, "not a sound");
        IOException e = assertThrows(IOException.class, () -> Wav.read(text));
        assertTrue(e.getMessage().startsWith(text + " is not a sound file Java can read"), e.getMessage());
        assertTrue(e.getMessage().contains("ffmpeg -i IN -ac 1 -ar 16000"), e.getMessage());
        e = assertThrows(IOException.class, () -> Wav.read(work.resolve("missing.wav")));
        assertEquals("no WAV file at " + work.resolve("missing.wav"), e.getMessage());
    }
}
