package org.mdcoop.transparency.service;

import org.mdcoop.common.domain.NotPermitted;

/**
 * The other party's submitted disclosure exists but the reader may not read it now (403), with a stable reason:
 * {@code reciprocity-not-met} or {@code transparency-not-in-force}. Never used for drafts: those are 404.
 */
public class ReadRefused extends NotPermitted {

    private final String reason;

    public ReadRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    @Override
    public String problemType() {
        return reason;
    }
}
