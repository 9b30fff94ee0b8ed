package dev.masquerade.workflow;

import dev.masquerade.nn.io.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ffmpeg and ffprobe, Debian's package, run as processes. Frames travel through pipes as raw
 * 8-bit RGB ({@code -f rawvideo -pix_fmt rgb24}): no temporary files, and every frame keeps its
 * index in the video.
 */
public final class Ffmpeg {
    /** What to tell a user whose machine has no ffmpeg. */
    static final String INSTALL = "install it with 'apt-get install ffmpeg' (as root), or turn the video into a folder of PNG frames elsewhere";

    private Ffmpeg() {
    }

    /**
     * A video's size, frame rate and frame count.
     *
     * @param frameRate frames a second as ffmpeg writes it ("2997/125"), passed back to it unchanged when encoding
     */
    public record VideoInfo(int width, int height, String frameRate, int frames) {
        /** Frames a second as a number. */
        public double fps() {
            String[] parts = frameRate.split("/");
            return parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(frameRate);
        }
    }

    /** Whether a file name looks like a video ffmpeg would read (by its extension). */
    public static boolean looksLikeVideo(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(avi|mp4|mkv|mov|webm|m4v|mpg|mpeg|wmv|flv|ogv|gif)");
    }

    /** Size, frame rate and frame count of the first video stream of {@code video} (ffprobe counts the frames by decoding them). */
    public static VideoInfo probe(Path video) throws IOException {
        if (!Files.isRegularFile(video)) {
            throw new IOException(video + ": no such video");
        }
        Result result = run(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
                "stream=width,height,r_frame_rate,nb_read_frames", "-of", "csv=p=0", video.toString()));
        String[] fields = result.stdout.trim().split(",");
        if (result.exit != 0 || fields.length < 4) {
            throw new IOException(video + " is not a video ffmpeg can read" + lastLine(result.stderr) + "; convert it to MP4 or to a folder of PNG frames");
        }
        try {
            return new VideoInfo(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), fields[2], Integer.parseInt(fields[3].trim()));
        } catch (NumberFormatException e) {
            throw new IOException(video + " is not a video ffmpeg can read (ffprobe said '" + result.stdout.trim() + "')", e);
        }
    }

    /** Starts {@code command} (ffmpeg or ffprobe), its errors going to {@code errors}; a missing program is one clear line. */
    static Process start(List<String> command, Path errors) throws IOException {
        ProcessBuilder builder = ChildProcess.of(command);
        builder.redirectError(errors == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(errors.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is not installed, and video needs it: " + INSTALL, e);
        }
    }

    /** The last line of ffmpeg's errors, as ": LINE", or nothing. */
    static String lastLine(String errors) {
        String[] lines = errors.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : " (ffmpeg said: " + last + ")";
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command) throws IOException {
        Path errors = Files.createTempFile("masquerade-ffmpeg", ".log");
        try {
            Process process = start(command, errors);
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            return new Result(exit, out, Files.readString(errors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The command that decodes {@code video} into raw RGB frames on its standard output. */
    static List<String> decodeCommand(Path video) {
        return List.of("ffmpeg", "-v", "error", "-nostdin", "-i", video.toString(), "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
    }

    /**
     * The command that encodes raw RGB frames from its standard input into an H.264 MP4 at
     * {@code info}'s size and rate, with the first sound track of {@code soundFrom} (if it is
     * not null and has one) as AAC.
     */
    static List<String> encodeCommand(VideoInfo info, Path soundFrom, Path mp4) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s",
                info.width() + "x" + info.height(), "-r", info.frameRate(), "-i", "-"));
        if (soundFrom != null) {
            command.addAll(List.of("-i", soundFrom.toString(), "-map", "0:v", "-map", "1:a:0?", "-c:a", "aac", "-shortest"));
        }
        command.addAll(List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "18"));
        // H.264 in yuv420p needs even sides: pad by one black row or column where a side is odd
        command.addAll(List.of("-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", mp4.toString()));
        return command;
    }
}
