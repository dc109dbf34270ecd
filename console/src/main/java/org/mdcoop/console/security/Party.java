package org.mdcoop.console.security;

/** The two parties, as the services name them in their responses. */
public enum Party {
    NATO,
    RUSSIA
}
