package org.mdcoop.exercise.domain.aar;

/** DRAFT (computed, being reviewed) → FINAL once both parties have approved the current revision. */
public enum AfterActionStatus {
    DRAFT,
    FINAL
}
