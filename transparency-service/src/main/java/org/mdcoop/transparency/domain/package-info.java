/**
 * Framework-free domain of the transparency-service.
 *
 * <ul>
 * <li>{@code disclosure}: content records per kind (validated field by field, errors as JSON-like paths),
 * the {@code Disclosure} version lifecycle (DRAFT → SUBMITTED → SUPERSEDED), {@code ChangeNotice} between versions
 * and the {@code Reciprocity} read rule.</li>
 * <li>{@code compliance}: deadline clocks (initial 45 days, changes 5 days, half-yearly updates) → compliance rows.</li>
 * <li>{@code observation}: interceptor test announcement, invitation, observers, declared vs observed comparison.</li>
 * <li>{@code reachability}: Keplerian threat arcs and the interceptor reachability assessment.</li>
 * </ul>
 */
package org.mdcoop.transparency.domain;
