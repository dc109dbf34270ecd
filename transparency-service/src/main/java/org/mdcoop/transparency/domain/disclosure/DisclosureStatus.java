package org.mdcoop.transparency.domain.disclosure;

/** DRAFT → SUBMITTED → SUPERSEDED (when the next version of the same party/kind/round is submitted). */
public enum DisclosureStatus {
    DRAFT,
    SUBMITTED,
    SUPERSEDED;

    /** Whether the disclosure has ever been submitted (and so may be shared with the other party). */
    public boolean isSubmitted() {
        return this != DRAFT;
    }
}
