package org.mdcoop.agreement.domain;

/**
 * What an adopted amendment changes (issue 16). {@code TEXT} changes nothing but the record (the amendments before
 * typed ones, and the default); the others change the agreement in the transaction of the adopting endorsement.
 */
public enum AmendmentType {
    /** Free text only: adopted, it changes nothing. */
    TEXT,
    /** Opens an element: one the agreement never covered, or one a party stopped (re-opening needs both). */
    ADD_ELEMENT,
    /** Closes a running element for good (until an ADD_ELEMENT); never the last one (that is a withdrawal). */
    REMOVE_ELEMENT,
    /** Sets the notice a withdrawal from permanence gives (0-120 months); a notice already given stands. */
    CHANGE_NOTICE_PERIOD
}
