package org.mdcoop.common.domain;

/** The two parties to the agreement. A caller's party is decided by the identity provider that verified its token. */
public enum Party {
    NATO,
    RUSSIA;

    public Party other() {
        return this == NATO ? RUSSIA : NATO;
    }
}
