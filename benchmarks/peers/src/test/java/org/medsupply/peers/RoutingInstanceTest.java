// SPDX-License-Identifier: Apache-2.0
package org.medsupply.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.medsupply.domain.TimeAxis;
import org.medsupply.peers.RoutingInstance.Stop;

class RoutingInstanceTest {

    /** Three warehouses, one without vehicles; three hospitals, one asking for nothing. */
    private static final String PROBLEM = """
            {"name": "layout", "start": "2026-03-01T00:00:00Z",
             "supplies": [{"id": "n95", "weightKg": 1.2, "volumeM3": 0.01},
                          {"id": "vaccine", "weightKg": 4, "volumeM3": 0.02, "coldChain": %s}],
             "warehouses": [{"id": "idle", "x": 50, "y": 50, "stock": {}},
                            {"id": "east", "x": 0, "y": 0, "stock": {"n95": %d}},
                            {"id": "west", "x": -3, "y": -4, "stock": {"n95": 1200}}],
             "hospitals": [{"id": "a", "x": 3, "y": 4, "unloadMinutes": 2.5,
                            "window": {"from": "2026-02-28T23:00:00Z", "to": "2026-03-01T01:00:00Z"},
                            "demands": [{"supply": "n95", "quantity": 800}]},
                           {"id": "quiet", "x": 9, "y": 9, "demands": []},
                           {"id": "b", "x": 6, "y": 8, "demands": [{"supply": "n95", "quantity": 400}]}],
             "vehicles": [{"id": "van", "warehouse": "east", "capacityKg": 1500, "speedKmh": 60},
                          {"id": "truck", "warehouse": "west", "speedKmh": 30}],
             "travel": {"method": "euclidean"}}
            """;

    private static RoutingInstance instance(boolean coldChain, long eastStock) {
        return RoutingInstance.of(PeerTestProblems.parse(PROBLEM.formatted(coldChain, eastStock)));
    }

    @Test
    void numbersTheWarehousesWithVehiclesFirstThenTheHospitalsThatAskForSomething() {
        RoutingInstance instance = instance(false, 1200);

        assertThat(instance.depotCount()).isEqualTo(2);
        assertThat(instance.nodeCount()).isEqualTo(4);
        assertThat(instance.trucks()).extracting(RoutingInstance.Truck::depotNode).containsExactly(0, 1);
        assertThat(instance.stops()).extracting(stop -> stop.hospital().id()).containsExactly("a", "b");
        assertThat(instance.stopAt(3)).isSameAs(instance.stopOf("b"));
        assertThat(instance.stopOf("quiet")).isNull();
        assertThat(instance.distanceKm(0, 2)).isEqualTo(5.0);
        assertThat(instance.distanceKm(1, 3)).isEqualTo(15.0);
    }

    @Test
    void countsLoadsInTheLargestUnitThatDividesEveryStop() {
        RoutingInstance instance = instance(false, 1200);

        // 960 kg and 480 kg: the unit is 480 kg, so a 1500 kg van holds 3 units; the truck has no
        // limit and gets the total demand
        assertThat(instance.stopOf("a").size()[RoutingInstance.WEIGHT]).isEqualTo(2);
        assertThat(instance.stopOf("b").size()[RoutingInstance.WEIGHT]).isEqualTo(1);
        assertThat(instance.trucks().get(0).capacity()[RoutingInstance.WEIGHT]).isEqualTo(3);
        assertThat(instance.trucks().get(1).capacity()).containsExactly(3, 3);
        assertThat(instance.stopOf("a").weightMg()).isEqualTo(960_000_000L);
        assertThat(instance.stopOf("a").load()).containsExactly(entry("n95", 800L));
    }

    @Test
    void drivesAtEachVehiclesSpeedAndNeverStartsBeforeTheProblemStart() {
        RoutingInstance instance = instance(false, 1200);
        Stop a = instance.stopOf("a");

        assertThat(instance.drivingMs(0, 0, a.node())).isEqualTo(5 * 60_000);
        assertThat(instance.drivingMs(1, 0, a.node())).isEqualTo(10 * 60_000);
        assertThat(instance.unloadMs(a.node())).isEqualTo(150_000);
        assertThat(instance.unloadMs(0)).isZero();
        assertThat(a.windowFromMs()).isZero();
        assertThat(a.windowToMs()).isEqualTo(3_600_000);
        assertThat(instance.stopOf("b").windowToMs()).isEqualTo(TimeAxis.OPEN_END);
        assertThat(instance.trucks().get(0).shiftToMs()).isEqualTo(TimeAxis.OPEN_END);
    }

    @Test
    void rejectsWhatPeersDoNotModel() {
        assertThatThrownBy(() -> instance(false, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warehouse east holds 1000 n95 of the 1200");
        String coldChainDemand = PROBLEM.formatted(true, 1200)
                .replace("\"quantity\": 400}", "\"quantity\": 400}, {\"supply\": \"vaccine\", \"quantity\": 1}");
        assertThatThrownBy(() -> RoutingInstance.of(PeerTestProblems.parse(coldChainDemand)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vaccine is cold-chain");
    }
}
