// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * A fixed part ("chunk") of a demand line: the unit the solver moves between trips. A line is cut
 * into chunks whose sizes let any total from 0 to the line's quantity be delivered (see
 * {@link Chunking}), so partial and split deliveries are both a matter of where the chunks go.
 * All deliveries of a trip to one hospital form one stop, made where the first of them stands in the
 * trip's list; the others join it (see {@link Timeline}), so no trip visits a hospital twice.
 */
@PlanningEntity
public class Delivery {

    @PlanningId
    private String id;
    private DemandLine line;
    private long quantity;
    /** Part of the line's fair share of a short supply's stock (see {@link FairShares}), shipped first. */
    private boolean inFairShare;

    @InverseRelationShadowVariable(sourceVariableName = Trip.DELIVERIES)
    private Trip trip;

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
    /** Where the vehicle drives from to make this delivery's stop; {@code null} when it joins an earlier one. */
    @PiggybackShadowVariable(shadowVariableName = "arrivalMs")
    private Site stopOrigin;
    /** True on the delivery that makes its trip's last stop, from which the vehicle drives back. */
    @PiggybackShadowVariable(shadowVariableName = "arrivalMs")
    private Boolean lastStop;

    public Delivery() {
    }

    public Delivery(String id, DemandLine line, long quantity) {
        this(id, line, quantity, false);
    }

    public Delivery(String id, DemandLine line, long quantity, boolean inFairShare) {
        this.id = id;
        this.line = line;
        this.quantity = quantity;
        this.inFairShare = inFairShare;
    }

    /**
     * Takes {@code units} off this delivery into a new one of the same line: how a plan is topped up
     * after solving with exactly what is left in stock or in a vehicle (see {@code PlanTopUp}).
     */
    public Delivery splitOff(long units, String newId) {
        if (units <= 0 || units >= quantity) {
            throw new IllegalArgumentException("cannot take " + units + " of " + quantity + " units off " + id);
        }
        quantity -= units;
        return new Delivery(newId, line, units, inFairShare);
    }

    /** True when a vehicle carries it (as opposed to the unserved pool, or not placed yet). */
    public boolean isDispatched() {
        return trip != null && !trip.isUnservedPool();
    }

    public boolean isUnserved() {
        return trip != null && trip.isUnservedPool();
    }

    /** True for the delivery that makes a stop: the vehicle drives to the hospital for it. */
    public boolean startsStop() {
        return stopOrigin != null;
    }

    /** True for the delivery that makes its trip's last stop. */
    public boolean makesLastStop() {
        return Boolean.TRUE.equals(lastStop);
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

    public boolean isInFairShare() {
        return inFairShare;
    }

    public Trip getTrip() {
        return trip;
    }

    public void setTrip(Trip trip) {
        this.trip = trip;
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

    public Site getStopOrigin() {
        return stopOrigin;
    }

    public void setStopOrigin(Site stopOrigin) {
        this.stopOrigin = stopOrigin;
    }

    public Boolean getLastStop() {
        return lastStop;
    }

    public void setLastStop(Boolean lastStop) {
        this.lastStop = lastStop;
    }

    @Override
    public String toString() {
        return id;
    }
}
