// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/** No job with that id (never existed, or evicted after its retention). */
public class JobNotFoundException extends Exception {

    public JobNotFoundException(String id) {
        super("no job '" + id + "'");
    }
}
