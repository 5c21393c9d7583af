// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medsupply.io.Json;
import org.medsupply.io.ProblemFile;
import org.medsupply.io.ProblemFiles;
import org.medsupply.io.ProblemFile.DemandDto;
import org.medsupply.io.ProblemFile.HospitalDto;
import org.medsupply.io.ProblemFile.SupplyDto;
import org.medsupply.io.ProblemFile.TravelDto;
import org.medsupply.io.ProblemFile.WarehouseDto;
import org.medsupply.io.ProblemFile.WindowDto;

/**
 * Seeded generator of realistic outbreak problems, for benchmarks and demos: sites clustered in the
 * districts of a real city, each kind of site with its own demand mix and priorities, warehouses on the
 * city's edge holding too little of a few supplies, and a mixed fleet of vans, trucks and refrigerated
 * vans on shifts. The same options always give the same file, byte for byte, on any JVM.
 */
public final class ProblemGenerator {

    /** Share of the total demand of each scarce supply that no warehouse holds. */
    public static final double DEFAULT_SCARCITY = 0.3;

    /** Widest spread of sites that may be asked for (km from the centre): a large province. */
    public static final double MAX_RADIUS_KM = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final LocalTime PLAN_START = LocalTime.of(6, 0);
    private static final List<String> WAREHOUSE_NAMES = List.of("Central Medical Stores", "Airport Cargo Hub",
            "Red Cross Depot", "North Logistics Park", "Port Warehouse", "Rail Freight Terminal",
            "Pharma Distribution Centre", "Army Supply Depot");

    /**
     * What to generate.
     *
     * @param hospitals  receiving sites (hospitals, clinics, quarantine sites), at least 1
     * @param warehouses at least 1
     * @param vehicles   at least 1
     * @param scarcity   in [0, 1]: for each scarce supply, the share of its total demand missing from stock
     * @param radiusKm   how far the sites spread from the centre; {@code null} sizes it by the sites (a city)
     */
    public record Options(long seed, int hospitals, int warehouses, int vehicles, double scarcity, Double radiusKm) {
        public Options {
            if (hospitals < 1 || warehouses < 1 || vehicles < 1) {
                throw new IllegalArgumentException("hospitals, warehouses and vehicles must each be at least 1");
            }
            if (!(scarcity >= 0 && scarcity <= 1)) {
                throw new IllegalArgumentException("scarcity must be between 0 and 1, was " + scarcity);
            }
            if (radiusKm != null && !(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
                throw new IllegalArgumentException("radius must be above 0 and at most " + MAX_RADIUS_KM
                        + " km, was " + radiusKm);
            }
        }

        /** A city sized by its sites. */
        public Options(long seed, int hospitals, int warehouses, int vehicles, double scarcity) {
            this(seed, hospitals, warehouses, vehicles, scarcity, null);
        }

        public static Options of(long seed, int hospitals, int warehouses, int vehicles) {
            return new Options(seed, hospitals, warehouses, vehicles, DEFAULT_SCARCITY);
        }

        /**
         * The scarcity that leaves {@code scarceStockShare} (in [0, 1]) of each scarce supply's demand in
         * stock; {@link #scarceStockShare()} gives that share back exactly.
         */
        public static double scarcityFor(double scarceStockShare) {
            return decimalComplement(scarceStockShare);
        }

        /**
         * The stock of each scarce supply as a share of its demand: 1 - scarcity, subtracted in decimal
         * because in binary 1 - (1 - 0.2) is just below 0.2, a unit short of a fifth of 5, 10, 15... units.
         */
        public double scarceStockShare() {
            return decimalComplement(scarcity);
        }

        private static double decimalComplement(double share) {
            return BigDecimal.ONE.subtract(BigDecimal.valueOf(share)).doubleValue();
        }

        /**
         * "outbreak-h2000-w8-v500-s1.json"; a scarcity other than the default is added as "-scarcity0.5",
         * a radius as "-r150km".
         */
        public String fileName() {
            String scarcityPart = scarcity == DEFAULT_SCARCITY ? ""
                    : "-scarcity" + BigDecimal.valueOf(scarcity).stripTrailingZeros().toPlainString();
            String radiusPart = radiusKm == null ? ""
                    : "-r" + BigDecimal.valueOf(radiusKm).stripTrailingZeros().toPlainString() + "km";
            return "outbreak-h" + hospitals + "-w" + warehouses + "-v" + vehicles + "-s" + seed + scarcityPart
                    + radiusPart + ".json";
        }
    }

    private final Options options;
    private final Draws draws;
    private final City city;
    private final OffsetDateTime start;

    private ProblemGenerator(Options options) {
        this.options = options;
        this.draws = new Draws(options.seed());
        this.city = City.draw(draws, options.hospitals(), options.radiusKm());
        this.start = LocalDate.of(2026, 2, 1).plusDays(draws.intBetween(0, 27)).atTime(PLAN_START)
                .atOffset(city.centre().offset());
    }

    public static ProblemFile generate(Options options) {
        return new ProblemGenerator(options).problem();
    }

    /** Writes the problem as {@link ProblemFiles#write} does. */
    public static void write(ProblemFile problem, Path file) throws IOException {
        ProblemFiles.write(problem, file);
    }

    private ProblemFile problem() {
        int outbreakDay = draws.intBetween(5, 40);
        List<HospitalDto> hospitals = hospitals();
        List<City.Point> depots = warehouseLocations();
        Fleet fleet = Fleet.draw(draws, options.vehicles(), depots.size(), this::time);
        Map<String, List<Long>> stock = stockPerSupply(hospitals, fleet);
        List<WarehouseDto> warehouses = new ArrayList<>();
        for (int w = 0; w < depots.size(); w++) {
            Map<String, Long> held = new LinkedHashMap<>();
            for (Map.Entry<String, List<Long>> supply : stock.entrySet()) {
                long units = supply.getValue().get(w);
                if (units > 0) {
                    held.put(supply.getKey(), units);
                }
            }
            warehouses.add(new WarehouseDto(Fleet.warehouseId(w, depots.size()), warehouseName(w),
                    depots.get(w).lat(), depots.get(w).lon(), null, null, held, null));
        }
        List<SupplyDto> supplies = Supplies.ALL.stream().map(Supplies.Item::supply).toList();
        String name = "Outbreak day " + outbreakDay + ", " + city.centre().name() + " (generated, seed "
                + options.seed() + ")";
        return new ProblemFile(name, time(0), supplies, warehouses, hospitals, fleet.vehicles(),
                new TravelDto("haversine", 1.3, null, null, null, null, null, null), null);
    }

    private List<HospitalDto> hospitals() {
        List<HospitalDto> hospitals = new ArrayList<>();
        Map<String, Integer> perDistrictAndKind = new HashMap<>();
        for (int h = 0; h < options.hospitals(); h++) {
            SiteKind kind = SiteKind.draw(draws);
            City.District district = city.drawDistrict(draws);
            City.Point point = city.drawSiteIn(district, draws);
            int ordinal = perDistrictAndKind.merge(district.name() + "/" + kind, 1, Integer::sum) - 1;
            WindowDto window = null;
            int opensMinute = 0;
            int closesMinute = Integer.MAX_VALUE;
            SiteKind.WindowRule rule = kind.window();
            if (draws.chance(rule.share())) {
                opensMinute = rule.fromMinute() + jitter(rule.jitterMinutes());
                closesMinute = rule.toMinute() + jitter(rule.jitterMinutes());
                window = new WindowDto(time(opensMinute), time(closesMinute));
            }
            int unloadMinutes = kind.drawUnloadMinutes(draws);
            List<DemandDto> demands = demands(kind, opensMinute, closesMinute);
            hospitals.add(new HospitalDto(id("h-", h, options.hospitals()), kind.name(district.name(), ordinal),
                    point.lat(), point.lon(), null, null, window, (double) unloadMinutes, demands, null));
        }
        return hospitals;
    }

    /** A whole number of half hours, at most {@code maxMinutes} either way. */
    private int jitter(int maxMinutes) {
        return 30 * draws.intBetween(-maxMinutes / 30, maxMinutes / 30);
    }

    /**
     * A site's request: each supply its kind asks for with the kind's probability, scaled by the
     * site's size; at least one line (the kind's most common one) so no site asks for nothing.
     */
    private List<DemandDto> demands(SiteKind kind, int opensMinute, int closesMinute) {
        double size = draws.between(0.6, 1.6);
        List<DemandDto> demands = new ArrayList<>();
        SiteKind.LineRule mostCommon = kind.lines().get(0);
        for (SiteKind.LineRule rule : kind.lines()) {
            if (draws.chance(rule.probability())) {
                demands.add(line(rule, size, opensMinute, closesMinute));
            }
            if (rule.probability() > mostCommon.probability()) {
                mostCommon = rule;
            }
        }
        if (demands.isEmpty()) {
            demands.add(line(mostCommon, size, opensMinute, closesMinute));
        }
        return demands;
    }

    /**
     * One demand line. Most critical lines and some high ones carry a deadline a few hours into the
     * day, never before the site has been open an hour nor after it closes.
     */
    private DemandDto line(SiteKind.LineRule rule, double size, int opensMinute, int closesMinute) {
        long quantity = Math.max(1, Math.round(draws.intBetween(rule.minQuantity(), rule.maxQuantity()) * size));
        String priority = rule.priorities().draw(draws);
        String needBy = null;
        Integer deadlineMinute = switch (priority) {
            case "critical" -> draws.chance(0.7) ? draws.stepBetween(120, 360, 30) : null;
            case "high" -> draws.chance(0.3) ? draws.stepBetween(240, 600, 30) : null;
            default -> null;
        };
        if (deadlineMinute != null) {
            needBy = time(Math.min(Math.max(deadlineMinute, opensMinute + 60), closesMinute));
        }
        Boolean splittable = rule.unsplittableShare() > 0 && draws.chance(rule.unsplittableShare()) ? Boolean.FALSE
                : null;
        return new DemandDto(rule.supply(), quantity, priority, needBy, splittable, null);
    }

    /** Depots on the city's edge, spread around it (logistics parks sit by the ring roads). */
    private List<City.Point> warehouseLocations() {
        List<City.Point> points = new ArrayList<>();
        double sector = 2 * StrictMath.PI / options.warehouses();
        for (int w = 0; w < options.warehouses(); w++) {
            double angle = sector * (w + draws.between(-0.3, 0.3));
            points.add(city.onRing(draws.between(0.5, 0.95), angle));
        }
        return points;
    }

    private static String warehouseName(int index) {
        String name = WAREHOUSE_NAMES.get(index % WAREHOUSE_NAMES.size());
        return index < WAREHOUSE_NAMES.size() ? name : name + " " + (index / WAREHOUSE_NAMES.size() + 1);
    }

    /**
     * Units of each supply per warehouse. Scarce supplies (a few, drawn by how often they run short)
     * have {@code scarcity} of their total demand missing; the others have 10-50 % more than asked.
     * Stock sits mostly where the vehicles are, cold-chain stock only at warehouses with refrigerated
     * vans, and a warehouse carries a given supply four times in five.
     */
    private Map<String, List<Long>> stockPerSupply(List<HospitalDto> hospitals, Fleet fleet) {
        Map<String, Long> demand = new HashMap<>();
        hospitals.forEach(h -> h.demands().forEach(d -> demand.merge(d.supply(), d.quantity(), Long::sum)));
        List<String> scarce = drawScarceSupplies();
        Map<String, List<Long>> stock = new LinkedHashMap<>();
        for (Supplies.Item item : Supplies.ALL) {
            SupplyDto supply = item.supply();
            long requested = demand.getOrDefault(supply.id(), 0L);
            long total = scarce.contains(supply.id())
                    ? (long) Math.floor(options.scarceStockShare() * requested)
                    : (long) Math.ceil(requested * draws.between(1.1, 1.5));
            boolean coldChain = Boolean.TRUE.equals(supply.coldChain());
            double[] weights = new double[options.warehouses()];
            boolean anyHolder = false;
            for (int w = 0; w < weights.length; w++) {
                if ((!coldChain || fleet.hasRefrigerated(w)) && draws.chance(0.8)) {
                    weights[w] = fleet.share(w) * draws.between(0.4, 1.6);
                    anyHolder |= weights[w] > 0;
                }
            }
            if (!anyHolder) {
                weights[fleet.largestDepot(coldChain)] = 1;
            }
            stock.put(supply.id(), Apportion.largestRemainder(total, weights));
        }
        return stock;
    }

    /** Three of the eight supplies, drawn without replacement with their shortage weights. */
    private List<String> drawScarceSupplies() {
        double[] weights = Supplies.ALL.stream().mapToDouble(Supplies.Item::shortageWeight).toArray();
        List<String> scarce = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = draws.weightedIndex(weights);
            weights[index] = 0;
            scarce.add(Supplies.ALL.get(index).supply().id());
        }
        return scarce;
    }

    /** "h-0042" with enough digits for {@code count} ids, so ids sort in file order. */
    static String id(String prefix, int zeroBasedIndex, int count) {
        int width = Math.max(2, String.valueOf(count).length());
        return prefix + String.format(Locale.ROOT, "%0" + width + "d", zeroBasedIndex + 1);
    }

    private String time(int minutesAfterStart) {
        return start.plusMinutes(minutesAfterStart).format(TIME);
    }
}
