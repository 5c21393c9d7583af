// SPDX-License-Identifier: Apache-2.0
package org.medsupply.check;

/** RFC 6901 JSON pointers, built one token at a time ("" is the whole document). */
final class Pointer {

    private Pointer() {
    }

    /** {@code parent} followed by {@code token}, with {@code ~} and {@code /} escaped as the RFC says. */
    static String child(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
