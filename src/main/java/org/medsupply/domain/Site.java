// SPDX-License-Identifier: Apache-2.0
package org.medsupply.domain;

/**
 * A place vehicles drive between. {@code index} numbers every site of a problem from 0 (warehouses
 * first, then hospitals) and is how travel models look up matrices; {@code a}/{@code b} are the
 * coordinates: latitude/longitude in degrees, or x/y for euclidean travel.
 */
public sealed interface Site permits Warehouse, Hospital {

    String id();

    int index();

    double a();

    double b();
}
