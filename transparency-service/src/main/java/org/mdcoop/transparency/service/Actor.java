package org.mdcoop.transparency.service;

import org.mdcoop.common.domain.Party;

/** Who runs a command: the caller's party (from the verifying tenant) and issuer-qualified subject. */
public record Actor(Party party, String subject) {

    public static final String SYSTEM = "system";
}
