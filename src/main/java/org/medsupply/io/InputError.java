// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

/**
 * One thing wrong with an input file.
 *
 * @param pointer RFC 6901 JSON pointer to the offending value ("" for the whole document)
 * @param detail  a plain sentence saying what is wrong
 */
public record InputError(String pointer, String detail) {
}
