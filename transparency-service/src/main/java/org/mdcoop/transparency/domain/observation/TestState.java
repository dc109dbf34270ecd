package org.mdcoop.transparency.domain.observation;

/**
 * <pre>
 * ANNOUNCED --accept (guest, names observers, before window start)--> ACCEPTED
 * ANNOUNCED --decline (guest, before window start)-------------------> DECLINED
 * ANNOUNCED | ACCEPTED | DECLINED --record results (host, after window end)--> RESULTS_RECORDED
 * ANNOUNCED | ACCEPTED --cancel (host, before window start; or agreement ended)--> CANCELLED
 * </pre>
 * Observations (guest, by a named observer) may be recorded in ACCEPTED (after window start) and RESULTS_RECORDED,
 * if the guest accepted; they do not change the state.
 */
public enum TestState {
    ANNOUNCED,
    ACCEPTED,
    DECLINED,
    RESULTS_RECORDED,
    CANCELLED
}
