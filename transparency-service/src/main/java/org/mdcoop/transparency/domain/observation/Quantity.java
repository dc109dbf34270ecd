package org.mdcoop.transparency.domain.observation;

/** The quantities a host declares and observers measure for an interceptor test. */
public enum Quantity {
    INTERCEPT_ALTITUDE_KM,
    INTERCEPT_RANGE_KM,
    BURNOUT_VELOCITY_KM_S,
    FLIGHT_TIME_S,
    MISS_DISTANCE_M
}
