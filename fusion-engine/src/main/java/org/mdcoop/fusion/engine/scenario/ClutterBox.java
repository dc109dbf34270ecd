package org.mdcoop.fusion.engine.scenario;

/** Where clutter is drawn: a latitude/longitude/altitude box (geocentric degrees, m) around the raid. */
public record ClutterBox(double latMinDeg, double latMaxDeg, double lonMinDeg, double lonMaxDeg, double altMinM,
                         double altMaxM) {
    public boolean contains(double x, double y, double z) {
        double lat = Geo.latDeg(x, y, z), lon = Geo.lonDeg(x, y, z);
        double alt = org.mdcoop.fusion.engine.model.Earth.altitudeM(x, y, z);
        return lat >= latMinDeg && lat <= latMaxDeg && lon >= lonMinDeg && lon <= lonMaxDeg
                && alt >= altMinM && alt <= altMaxM;
    }
}
