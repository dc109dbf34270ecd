package org.mdcoop.transparency.domain.disclosure;

public enum ComponentType {
    INTERCEPTOR_SITE,
    LAUNCHER,
    RADAR,
    COMMAND_CENTRE
}
