package org.mdcoop.agreement.domain;

/** PROPOSED → ADOPTED (both endorsed) or REJECTED (either party). */
public enum AmendmentStatus {
    PROPOSED,
    ADOPTED,
    REJECTED
}
