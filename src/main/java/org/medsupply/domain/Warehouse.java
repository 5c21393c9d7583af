// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import java.util.Map;

/**
 * A warehouse: where its vehicles load.
 *
 * @param stock units on hand per supply id; a missing supply means none
 */
public record Warehouse(String id, String name, int index, double a, double b, Map<String, Long> stock)
        implements Site {

    public Warehouse {
        stock = Map.copyOf(stock);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return index;
    }

    public long stockOf(Supply supply) {
        return stock.getOrDefault(supply.id(), 0L);
    }
}
