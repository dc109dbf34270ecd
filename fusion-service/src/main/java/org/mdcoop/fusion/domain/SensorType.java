package org.mdcoop.fusion.domain;

/** Kinds of sensor that feed the centre. */
public enum SensorType {
    EARLY_WARNING_RADAR,
    TRACKING_RADAR,
    SPACE_BASED_INFRARED,
    OPTICAL,
    OTHER
}
