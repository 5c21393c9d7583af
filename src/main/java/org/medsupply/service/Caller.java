// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

/**
 * Who asks: the owner new jobs belong to, and whether other owners' jobs are visible.
 *
 * @param owner   {@code null} when API keys are off
 * @param seesAll true for admins and when keys are off; otherwise other owners' jobs do not exist
 */
public record Caller(String owner, boolean seesAll) {

    /** Anyone, when API keys are off: no owner, every job visible. */
    public static final Caller ANYONE = new Caller(null, true);

    boolean sees(String jobOwner) {
        return seesAll || (owner != null && owner.equals(jobOwner));
    }
}
