// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

/**
 * One rule a plan breaks.
 *
 * @param rule    short machine-readable rule name, e.g. {@code stock}
 * @param pointer JSON pointer into the plan
 * @param message a sentence with the numbers
 */
public record Violation(String rule, String pointer, String message) {
}
