package org.mdcoop.common.domain;

/**
 * Cooperation may be in force, but this service has not heard the agreement-service's heartbeat for longer than it
 * may act blind, so it fails closed (HTTP 503, retry later). Not a rule of the agreement: the answer will change by
 * itself when the heartbeat returns.
 */
public class CooperationStatusUnknown extends DomainException {

    public CooperationStatusUnknown(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "cooperation-status-unknown";
    }
}
