package dev.masquerade.coursework;

import java.util.List;
import java.util.Set;

/**
 * A task as the student edition hands it out: what to write, where, which chapter derives it,
 * and the modules whose tests grade it.
 *
 * @param task      its id, task-A.N
 * @param statement what to write
 * @param tutorial  the chapter, a path from the repository's root
 * @param files     the files that hold its regions (most tasks have one)
 * @param modules   the Maven modules whose tests carry its tag
 */
public record HandedOutTask(String task, String statement, String tutorial, List<String> files, Set<String> modules) {
    /** The task's number without its prefix: "1.2" for task-1.2. */
    public String number() {
        return task.substring("task-".length());
    }

    /** The assignment it belongs to: 1 for task-1.2. */
    public int assignment() {
        return Integer.parseInt(number().split("\\.")[0]);
    }

    /** The Maven command that runs its tests alone, after {@code mvn -B -q install -DskipTests}. */
    public String testCommand() {
        return "mvn -B -q test -Dgroups=" + task + " -Dsurefire.failIfNoSpecifiedTests=false -pl " + String.join(",", modules);
    }
}
