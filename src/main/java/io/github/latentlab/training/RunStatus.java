package io.github.latentlab.training;

import java.util.Arrays;
import java.util.List;

/**
 * How a run stands, in one vocabulary for the trainer's outcome, the runs list, the Runs tab and
 * the {@code run.json} of every run folder. Four of them are stored ({@link #stored()}): a run
 * folder says running, finished, stopped or diverged; a folder still saying running when a later
 * session finds it was interrupted (a crash, a kill), which is never written.
 */
public enum RunStatus {
    QUEUED("queued", null),
    RUNNING("running", "running"),
    FINISHED("finished", "finished"),
    STOPPED("stopped", "stopped"),
    DIVERGED("diverged, rolled back", "diverged"),
    INTERRUPTED("interrupted", null);

    private final String text;
    private final String id;

    RunStatus(String text, String id) {
        this.text = text;
        this.id = id;
    }

    /** The word stored in run.json; only for the statuses a folder can hold. */
    public String id() {
        if (id == null) throw new IllegalStateException(this + " is never stored");
        return id;
    }

    /** The statuses a run.json may hold, by their stored word. */
    public static List<RunStatus> stored() {
        return Arrays.stream(values()).filter(s -> s.id != null).toList();
    }

    /** The status a run.json's word names; IllegalArgumentException naming the word otherwise. */
    public static RunStatus fromStored(String word) {
        for (RunStatus s : values()) if (s.id != null && s.id.equals(word)) return s;
        throw new IllegalArgumentException("\"status\" is \"" + (word.length() > 30 ? word.substring(0, 30) + "…" : word)
                + "\", not one of " + stored().stream().map(RunStatus::id).toList());
    }

    /** Whether a run in this status can continue from its last checkpoint. */
    public boolean resumable() {
        return this == STOPPED || this == INTERRUPTED || this == DIVERGED;
    }

    @Override public String toString() { return text; }
}
