package org.mdcoop.exercise.service;

import org.mdcoop.common.domain.Party;

/** Who issues a command: the caller's party (from the verifying tenant), issuer-qualified subject and user name. */
public record Actor(Party party, String subject, String username) {

    public static final Actor SYSTEM = new Actor(null, "system", "system");
}
