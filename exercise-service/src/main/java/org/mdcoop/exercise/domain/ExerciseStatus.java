package org.mdcoop.exercise.domain;

/**
 * <pre>
 * PROPOSED --approve (other party)--> APPROVED --start (host)--> RUNNING --complete (host)--> COMPLETED
 * APPROVED --change scenario / details (host)--> PROPOSED   (needs approval again)
 * PROPOSED, APPROVED --cancel (either)--> CANCELLED
 * PROPOSED, APPROVED, RUNNING --agreement ended (system)--> HALTED
 * </pre>
 */
public enum ExerciseStatus {
    PROPOSED,
    APPROVED,
    RUNNING,
    COMPLETED,
    CANCELLED,
    HALTED;

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == HALTED;
    }

    /** Whether an exercise in this state holds its host's calendar slot (see {@link ExerciseOverlap}). */
    public boolean occupiesWindow() {
        return this != CANCELLED && this != HALTED;
    }
}
