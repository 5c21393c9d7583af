// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an outbreak happens: a real city centre, districts around it in which sites cluster (dense
 * in the centre, sparse at the edge), and the conversion from km east/north of the centre to lat/lon.
 * Distances are small enough (tens of km) for the flat-earth conversion to be exact to metres; over a
 * province's 150 km it places sites a little off the intended km, which matters to no one (travel is
 * computed from the coordinates).
 */
final class City {

    /** Km per degree of latitude on FORMAT.md's sphere (radius 6371.0088 km). */
    private static final double KM_PER_DEGREE = 6371.0088 * StrictMath.PI / 180;
    /** Coordinates are written to 5 decimals (about a metre), which keeps files short. */
    private static final double COORDINATE_SCALE = 1e5;

    private static final List<Centre> CENTRES = List.of(
            new Centre("Wuhan", 30.5928, 114.3055, ZoneOffset.ofHours(8)),
            new Centre("Milan", 45.4642, 9.1900, ZoneOffset.ofHours(1)),
            new Centre("Madrid", 40.4168, -3.7038, ZoneOffset.ofHours(1)),
            new Centre("Chicago", 41.8781, -87.6298, ZoneOffset.ofHours(-6)),
            new Centre("Sao Paulo", -23.5505, -46.6333, ZoneOffset.ofHours(-3)),
            new Centre("Mumbai", 19.0760, 72.8777, ZoneOffset.ofHoursMinutes(5, 30)));

    private static final List<String> DISTRICT_NAMES = List.of("Riverside", "Old Town", "Northgate", "Harbour",
            "Eastfield", "Hillcrest", "Lakeside", "University Park", "Station Quarter", "Westbrook", "Southport",
            "Greenway", "Market Square", "Canal Side", "Cathedral", "Ironworks", "Orchard", "Millbrook", "Kingsgate",
            "Bridgeview", "Parkside", "Stonebridge", "Fairfield", "Ashford");
    private static final List<String> DISTRICT_PREFIXES = List.of("", "North ", "South ", "East ", "West ", "Upper ",
            "Lower ", "New ");

    record Centre(String name, double lat, double lon, ZoneOffset offset) {
    }

    /** A cluster of sites: its centre in km from the city centre, its spread and its share of the sites. */
    record District(String name, double eastKm, double northKm, double spreadKm, double weight) {
    }

    record Point(double lat, double lon) {
    }

    private final Centre centre;
    private final double radiusKm;
    private final List<District> districts;
    private final double[] districtWeights;

    private City(Centre centre, double radiusKm, List<District> districts) {
        this.centre = centre;
        this.radiusKm = radiusKm;
        this.districts = districts;
        this.districtWeights = districts.stream().mapToDouble(District::weight).toArray();
    }

    /**
     * A city sized for so many sites (100 sites span about 12 km of radius, 2000 about 29 km) unless
     * {@code radiusKm} is given (a province: 150 km).
     */
    static City draw(Draws draws, int sites, Double radiusKm) {
        Centre centre = draws.pick(CENTRES);
        return draw(draws, sites, centre, radiusKm != null ? radiusKm : 3.5 * StrictMath.pow(sites, 0.28));
    }

    private static City draw(Draws draws, int sites, Centre centre, double radiusKm) {
        int count = (int) Math.max(2, Math.min(DISTRICT_NAMES.size() * DISTRICT_PREFIXES.size(),
                Math.round(StrictMath.sqrt(sites))));
        List<District> districts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double distanceKm = 0.85 * radiusKm * StrictMath.sqrt(draws.between(0, 1));
            double angle = draws.between(0, 2 * StrictMath.PI);
            double crowding = 1 / (0.3 + distanceKm / radiusKm);
            districts.add(new District(districtName(i), distanceKm * StrictMath.cos(angle),
                    distanceKm * StrictMath.sin(angle), radiusKm * draws.between(0.06, 0.14),
                    crowding * draws.between(0.5, 1.5)));
        }
        return new City(centre, radiusKm, districts);
    }

    /** Names run through the plain list first, then "North Riverside", "South Riverside", ... */
    private static String districtName(int index) {
        int base = index % DISTRICT_NAMES.size();
        return DISTRICT_PREFIXES.get(index / DISTRICT_NAMES.size()) + DISTRICT_NAMES.get(base);
    }

    Centre centre() {
        return centre;
    }

    /** A district chosen in proportion to its weight: central districts hold more sites. */
    District drawDistrict(Draws draws) {
        return districts.get(draws.weightedIndex(districtWeights));
    }

    /** A site scattered normally around its district's centre. */
    Point drawSiteIn(District district, Draws draws) {
        return point(district.eastKm() + district.spreadKm() * draws.gaussian(),
                district.northKm() + district.spreadKm() * draws.gaussian());
    }

    /** A point at a fraction of the city radius, at an angle (radians, counter-clockwise from east). */
    Point onRing(double radiusFraction, double angle) {
        return point(radiusFraction * radiusKm * StrictMath.cos(angle), radiusFraction * radiusKm * StrictMath.sin(angle));
    }

    private Point point(double eastKm, double northKm) {
        double lat = centre.lat() + northKm / KM_PER_DEGREE;
        double lon = centre.lon() + eastKm / (KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(centre.lat())));
        return new Point(rounded(lat), rounded(lon));
    }

    private static double rounded(double coordinate) {
        return Math.round(coordinate * COORDINATE_SCALE) / COORDINATE_SCALE;
    }
}
