// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

/** A query parameter that cannot be used. */
public class InvalidParameterException extends Exception {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
