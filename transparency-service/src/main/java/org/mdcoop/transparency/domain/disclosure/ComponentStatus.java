package org.mdcoop.transparency.domain.disclosure;

public enum ComponentStatus {
    OPERATIONAL,
    UNDER_CONSTRUCTION,
    PLANNED,
    INACTIVE
}
