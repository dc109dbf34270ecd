package org.mdcoop.exercise.domain.aar;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/** A party's comment on an after-action report; {@code author} is the commenting user (from the token). */
public record Comment(UUID id, Party party, String author, String text, Instant at) {
}
