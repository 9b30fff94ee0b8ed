package dev.masquerade.coursework;

import dev.masquerade.nn.io.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes the student repository: every file of the reference repository that Git tracks, with
 * each solution region of the assignments handed out replaced by its stub. Then it proves that
 * no solution leaked: no line of a stubbed region that is distinctive (found nowhere else in
 * the reference) appears anywhere in what was written. There is no Git history to leak from:
 * the export is plain files, for the instructor to commit to a fresh repository.
 */
public final class StudentRepository {
    /** Sources that may hold solution regions. */
    private static final List<String> SOURCE_SUFFIXES = List.of(".java", ".cl");
    /** The reference's CI, which checks the tasks against their solutions: not the students' to run. */
    private static final String REFERENCE_CI = ".ci/";
    private static final java.util.regex.Pattern PROJECT_VERSION = java.util.regex.Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>");

    private StudentRepository() {
    }

    /**
     * The files Git tracks in {@code root}, as paths relative to it: what a clone holds, without
     * build output, runs or anything else the instructor has lying about.
     */
    public static List<String> trackedFiles(Path root) throws IOException {
        Process git;
        try {
            git = ChildProcess.of("git", "-C", root.toString(), "ls-files", "-z").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("git is not installed, and the export lists the reference's files with it: apt-get install git", e);
        }
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new IOException(root + " is not a Git work tree; export from a clone of Masquerade (--from DIR)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing " + root, e);
        }
        return List.of(listing.split("\0")).stream().filter(name -> !name.isEmpty()).toList();
    }

    /** What an export wrote. */
    public record Exported(int files, Map<String, Integer> stubbedTasks) {
    }

    /**
     * Exports {@code reference} (a Git work tree) into {@code out}, which must not exist or be empty.
     *
     * @param handedOut which regions to stub ({@link #fromAssignment}, or one task for a check); the
     *                  others keep their reference code
     */
    public static Exported export(Path reference, List<String> trackedFiles, Path out, Predicate<SolutionRegion> handedOut) throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new IOException("--out " + out + " is not an empty folder; the student repository needs a folder of its own");
        }
        try {
            return write(reference, trackedFiles.stream().filter(name -> !name.startsWith(REFERENCE_CI)).toList(), out, handedOut);
        } catch (IOException | RuntimeException e) {
            removeTree(out); // it was empty or missing: nothing but this half-written export is removed
            throw e;
        }
    }

    private static Exported write(Path reference, List<String> trackedFiles, Path out, Predicate<SolutionRegion> handedOut) throws IOException {
        Map<String, Integer> stubbed = new TreeMap<>(SolutionRegion.BY_NUMBER);
        Map<String, List<String>> stubbedFiles = new TreeMap<>(SolutionRegion.BY_NUMBER);
        Map<String, SolutionRegion> firstRegions = new TreeMap<>(SolutionRegion.BY_NUMBER);
        Set<String> tasks = new TreeSet<>(SolutionRegion.BY_NUMBER);
        List<String> solutionLines = new ArrayList<>();
        Set<String> linesOutsideRegions = new HashSet<>();
        for (String name : trackedFiles) {
            Path source = reference.resolve(name);
            Path target = out.resolve(name);
            Files.createDirectories(target.toAbsolutePath().getParent());
            String text = SOURCE_SUFFIXES.stream().anyMatch(name::endsWith) ? Files.readString(source) : null;
            if (text == null) {
                Files.copy(source, target);
                continue;
            }
            List<String> lines = List.of(text.split("\n", -1));
            List<SolutionRegion> all = SolutionRegion.find(name, lines);
            all.forEach(region -> tasks.add(region.task()));
            List<SolutionRegion> regions = all.stream().filter(handedOut).toList();
            boolean[] inside = new boolean[lines.size()];
            for (SolutionRegion region : regions) {
                stubbed.merge(region.task(), 1, Integer::sum);
                stubbedFiles.computeIfAbsent(region.task(), t -> new ArrayList<>()).add(name);
                firstRegions.putIfAbsent(region.task(), region);
                for (int i = region.begin() + 1; i < region.end(); i++) {
                    inside[i] = true;
                    solutionLines.add(lines.get(i).strip());
                }
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!inside[i]) {
                    linesOutsideRegions.add(lines.get(i).strip());
                }
            }
            Files.writeString(target, StudentEdition.of(name, text, regions));
        }
        showStubsInChapters(out, trackedFiles);
        Path pom = out.resolve("pom.xml");
        if (Files.exists(pom) && !tasks.isEmpty()) {
            Files.writeString(pom, testsOfTasksOnly(Files.readString(pom), stubbed.isEmpty() ? tasks : stubbed.keySet()));
            ownVersion(out, trackedFiles);
        }
        if (!stubbed.isEmpty()) {
            Map<String, Set<String>> modules = TaskCheck.testModules(out);
            List<HandedOutTask> guide = firstRegions.values().stream().map(r -> new HandedOutTask(r.task(), r.statement(), r.tutorial(),
                    List.copyOf(new TreeSet<>(stubbedFiles.get(r.task()))), modules.getOrDefault(r.task(), Set.of()))).toList();
            writeStudentsFiles(out, guide);
        }
        requireNoLeak(out, solutionLines, linesOutsideRegions);
        return new Exported(trackedFiles.size(), stubbed);
    }

    /** The student's README (the reference one kept beside it) and the Classroom autograding workflow. */
    private static void writeStudentsFiles(Path out, List<HandedOutTask> tasks) throws IOException {
        Path readme = out.resolve("README.md");
        if (Files.exists(readme)) {
            Files.move(readme, out.resolve(StudentGuide.ENGINE_README));
        }
        Files.writeString(readme, StudentGuide.readme(tasks));
        Path workflow = out.resolve(ClassroomWorkflow.PATH);
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, ClassroomWorkflow.yaml(tasks));
    }

    /** Rewrites the code blocks of the exported Markdown from the exported (stubbed) sources. */
    private static void showStubsInChapters(Path out, List<String> trackedFiles) throws IOException {
        for (String name : trackedFiles) {
            Path chapter = out.resolve(name);
            if (name.endsWith(".md") && ChapterSnippets.hasSnippets(Files.readString(chapter))) {
                Files.writeString(chapter, ChapterSnippets.rewrite(Files.readString(chapter), out).text());
            }
        }
    }

    /**
     * The student's root pom: its tests are the handed-out tasks' tests ({@code groups}, a JUnit tag
     * expression, as a property so that {@code mvn test -Dgroups=task-1.3} still picks one). The
     * other tests need the reference code throughout (almost every one needs autograd), so in a
     * student repository they would only fail for tasks not yet written; the reference runs them.
     */
    static String testsOfTasksOnly(String pom, Set<String> tasks) {
        int properties = pom.indexOf("</properties>");
        if (properties < 0) {
            throw new IllegalArgumentException("pom.xml has no <properties> to hold the tasks' test groups");
        }
        String groups = "    <!-- the tests that grade the tasks handed out (the student edition runs no others); -Dgroups=task-A.N runs one -->\n"
                + "    <groups>" + String.join(" | ", tasks) + "</groups>\n  ";
        return pom.substring(0, properties) + groups + pom.substring(properties);
    }

    /**
     * Gives the student edition a version of its own ({@code 0.1.0-SNAPSHOT} becomes
     * {@code 0.1.0-student-SNAPSHOT}) in every pom, so that installing it (the {@code masquerade}
     * script does) never replaces the reference's modules in the local Maven repository.
     */
    private static void ownVersion(Path out, List<String> trackedFiles) throws IOException {
        java.util.regex.Matcher project = PROJECT_VERSION.matcher(Files.readString(out.resolve("pom.xml")));
        if (!project.find()) {
            throw new IOException("pom.xml names no project version (<artifactId>…</artifactId> then <version>…</version>)");
        }
        String version = project.group(1);
        String student = version.endsWith("-SNAPSHOT") ? version.replace("-SNAPSHOT", "-student-SNAPSHOT") : version + "-student";
        for (String name : trackedFiles) {
            if (name.equals("pom.xml") || name.endsWith("/pom.xml")) {
                Path module = out.resolve(name);
                Files.writeString(module, Files.readString(module).replace("<version>" + version + "</version>", "<version>" + student + "</version>"));
            }
        }
    }

    static void removeTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Assignment {@code first} handed out: its tasks and later ones stubbed, earlier ones solved (0: every task). */
    public static Predicate<SolutionRegion> fromAssignment(int first) {
        return region -> region.assignment() >= first;
    }

    /**
     * Fails when a distinctive solution line (one no source has outside a region) is anywhere in
     * the export: a tutorial's code block or a resource that copies it, say.
     */
    private static void requireNoLeak(Path out, List<String> solutionLines, Set<String> elsewhere) throws IOException {
        Set<String> distinctive = new HashSet<>();
        solutionLines.stream().filter(line -> line.length() >= 8 && !elsewhere.contains(line)).forEach(distinctive::add);
        if (distinctive.isEmpty()) {
            return;
        }
        List<Path> written;
        try (var paths = Files.walk(out)) {
            written = paths.filter(Files::isRegularFile).toList();
        }
        for (Path file : written) {
            String name = out.relativize(file).toString();
            // whole lines, as the lines outside regions were counted: '.toArray();' inside a longer line is no leak
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a binary file's bytes decode to no line of code
            for (String line : text.split("\n")) {
                if (distinctive.contains(line.strip())) {
                    throw new IOException("the student repository would leak a solution: " + name + " holds '" + line.strip()
                            + "'; stub it there too, or move that line out of the solution region");
                }
            }
        }
    }
}
