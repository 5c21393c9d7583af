// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import jakarta.ws.rs.core.SecurityContext;

import org.medsupply.service.Caller;

/** Who a request is from, for the job service: its key's owner, or anyone when keys are off. */
final class Callers {

    private Callers() {
    }

    static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof ApiKeys.Holder holder) {
            return new Caller(holder.owner(), holder.role() == ApiKeys.Role.ADMIN);
        }
        return Caller.ANYONE;
    }
}
