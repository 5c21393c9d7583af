// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * A fixed part ("chunk") of a demand line: the unit the solver moves between trips. A line is cut
 * into chunks whose sizes let any total from 0 to the line's quantity be delivered (see
 * {@link Chunking}), so partial and split deliveries are both a matter of where the chunks go.
 * Consecutive deliveries to the same hospital in a trip form one stop and share its times.
 */
@PlanningEntity
public class Delivery {

    @PlanningId
    private String id;
    private DemandLine line;
    private long quantity;

    @InverseRelationShadowVariable(sourceVariableName = Trip.DELIVERIES)
    private Trip trip;
    @PreviousElementShadowVariable(sourceVariableName = Trip.DELIVERIES)
    private Delivery previous;
    @NextElementShadowVariable(sourceVariableName = Trip.DELIVERIES)
    private Delivery next;

    /** Times in ms after plan start; {@code null} while in the unserved pool. */
    @ShadowVariable(variableListenerClass = TimelineListener.class,
            sourceEntityClass = Trip.class, sourceVariableName = Trip.DELIVERIES)
    private Long arrivalMs;
    @PiggybackShadowVariable(shadowVariableName = "arrivalMs")
    private Long startMs;
    @PiggybackShadowVariable(shadowVariableName = "arrivalMs")
    private Long departureMs;
    /** Number of the stop within its trip (0 = first); deliveries of one stop share it. */
    @PiggybackShadowVariable(shadowVariableName = "arrivalMs")
    private Integer stopNumber;

    public Delivery() {
    }

    public Delivery(String id, DemandLine line, long quantity) {
        this.id = id;
        this.line = line;
        this.quantity = quantity;
    }

    /** True when a vehicle carries it (as opposed to the unserved pool, or not placed yet). */
    public boolean isDispatched() {
        return trip != null && !trip.isUnservedPool();
    }

    public boolean isUnserved() {
        return trip != null && trip.isUnservedPool();
    }

    /** True for the first delivery of a stop: where the vehicle arrives from elsewhere. */
    public boolean startsStop() {
        return previous == null || previous.getHospital() != getHospital();
    }

    public Hospital getHospital() {
        return line.hospital();
    }

    public Supply getSupply() {
        return line.supply();
    }

    public Vehicle getVehicle() {
        return trip == null ? null : trip.getVehicle();
    }

    /** Where the vehicle comes from to reach this delivery: the previous stop or the warehouse. */
    public Site getOrigin() {
        return previous == null ? trip.getVehicle().warehouse() : previous.getHospital();
    }

    public long weightMg() {
        return quantity * line.supply().weightMg();
    }

    public long volumeMm3() {
        return quantity * line.supply().volumeMm3();
    }

    public String getId() {
        return id;
    }

    public DemandLine getLine() {
        return line;
    }

    public long getQuantity() {
        return quantity;
    }

    public Trip getTrip() {
        return trip;
    }

    public void setTrip(Trip trip) {
        this.trip = trip;
    }

    public Delivery getPrevious() {
        return previous;
    }

    public void setPrevious(Delivery previous) {
        this.previous = previous;
    }

    public Delivery getNext() {
        return next;
    }

    public void setNext(Delivery next) {
        this.next = next;
    }

    public Long getArrivalMs() {
        return arrivalMs;
    }

    public void setArrivalMs(Long arrivalMs) {
        this.arrivalMs = arrivalMs;
    }

    public Long getStartMs() {
        return startMs;
    }

    public void setStartMs(Long startMs) {
        this.startMs = startMs;
    }

    public Long getDepartureMs() {
        return departureMs;
    }

    public void setDepartureMs(Long departureMs) {
        this.departureMs = departureMs;
    }

    public Integer getStopNumber() {
        return stopNumber;
    }

    public void setStopNumber(Integer stopNumber) {
        this.stopNumber = stopNumber;
    }

    @Override
    public String toString() {
        return id;
    }
}
