package org.mdcoop.exercise.domain;

public enum ExerciseKind {
    COMPUTER_ASSISTED,
    COMMAND_POST,
    LIVE_OBSERVATION
}
