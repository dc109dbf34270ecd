package org.mdcoop.exercise.domain;

import java.util.UUID;

import org.mdcoop.common.domain.Party;

/** A member of one party's roster for an exercise. */
public record Participant(UUID id, Party party, String name, String role) {
}
