package org.mdcoop.exercise.domain;

/** Commands a party can issue on an exercise; {@link #slug()} is what {@code IllegalTransition} lists. */
public enum ExerciseAction {
    /** The other (non-host) party approves the current scenario version. */
    APPROVE("approve"),
    /** The host starts an approved exercise. */
    START("start"),
    /** The host completes a running exercise. */
    COMPLETE("complete"),
    /** Either party cancels before start. */
    CANCEL("cancel"),
    /** The host replaces the scenario (new version; an approval is withdrawn). */
    CHANGE_SCENARIO("change-scenario"),
    /** The host changes name, kind or window (an approval is withdrawn). */
    UPDATE_DETAILS("update-details"),
    /** A party edits its own participant roster. */
    MANAGE_PARTICIPANTS("manage-participants");

    private final String slug;

    ExerciseAction(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** Actions only the host may issue. */
    boolean hostOnly() {
        return this == START || this == COMPLETE || this == CHANGE_SCENARIO || this == UPDATE_DETAILS;
    }

    /** Actions only the non-host party may issue. */
    boolean guestOnly() {
        return this == APPROVE;
    }
}
