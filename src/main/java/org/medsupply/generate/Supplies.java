// SPDX-License-Identifier: Apache-2.0
package org.medsupply.generate;

import java.util.List;

import org.medsupply.io.ProblemFile.SupplyDto;

/**
 * What an outbreak response ships, per unit as it leaves the warehouse (a box, a tray, a device), with
 * weights and volumes of real packaging. {@code shortageWeight} is how often the supply runs short in
 * outbreaks (respirators and ventilators first, food kits rarely); it biases which supplies are scarce.
 */
final class Supplies {

    static final String N95 = "n95";
    static final String SURGICAL_MASK = "surgical-mask";
    static final String GOWN = "gown";
    static final String TEST_KIT = "test-kit";
    static final String VENTILATOR = "ventilator";
    static final String OXYGEN = "oxygen-concentrator";
    static final String VACCINE = "vaccine";
    static final String FOOD_KIT = "food-kit";

    record Item(SupplyDto supply, double shortageWeight) {
    }

    static final List<Item> ALL = List.of(
            item(N95, "N95 respirators, box of 20", 1.2, 0.008, false, 3),
            item(SURGICAL_MASK, "Surgical masks, box of 50", 0.6, 0.006, false, 1),
            item(GOWN, "Isolation gowns, pack of 10", 2.5, 0.02, false, 2),
            item(TEST_KIT, "Antigen test kits, box of 25", 0.8, 0.004, false, 1.5),
            item(VENTILATOR, "ICU ventilator", 45, 0.35, false, 3),
            item(OXYGEN, "Oxygen concentrator, 10 L/min", 26, 0.12, false, 2),
            item(VACCINE, "Vaccine, tray of 100 doses", 4, 0.02, true, 2),
            item(FOOD_KIT, "Food kit, 3 days for a family of three", 9, 0.03, false, 0.5));

    private Supplies() {
    }

    private static Item item(String id, String name, double weightKg, double volumeM3, boolean coldChain,
            double shortageWeight) {
        return new Item(new SupplyDto(id, name, weightKg, volumeM3, coldChain ? Boolean.TRUE : null, null),
                shortageWeight);
    }
}
