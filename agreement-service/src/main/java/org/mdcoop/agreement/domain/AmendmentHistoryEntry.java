package org.mdcoop.agreement.domain;

import java.time.Instant;

import org.mdcoop.common.domain.Party;

/**
 * One line of an amendment's history. {@code action} is one of {@code proposed}, {@code endorsed}, {@code adopted},
 * {@code took-effect}, {@code rejected}; {@code party} is the acting party; {@code note} is the rejection reason or,
 * for {@code took-effect}, what the adopted amendment changed (nullable).
 */
public record AmendmentHistoryEntry(Instant at, Party party, String action, String note) {
}
