// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110, 13.1.1) read as the problem revisions it names: a problem's entity tag
 * is its revision in quotes ({@code "3"}). Strong comparison: weak tags ({@code W/"3"}) and tags that are not
 * a revision match nothing, so such a request fails its precondition (412).
 */
final class IfMatch {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");
    private static final Pattern REVISION = Pattern.compile("\\d{1,18}");

    private IfMatch() {
    }

    /** The entity tag of a problem revision. */
    static String tag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * @param header the header as sent, or {@code null}
     * @return the revisions it names, or {@code null} when it makes no condition (absent, or {@code *}: the job
     *         exists, which the request checks anyway)
     */
    static Set<Long> revisions(String header) {
        if (header == null || header.strip().equals("*")) {
            return null;
        }
        Set<Long> revisions = new HashSet<>();
        for (String element : header.split(",")) {
            Matcher tag = TAG.matcher(element);
            if (tag.matches() && tag.group(1) == null && REVISION.matcher(tag.group(2)).matches()) {
                revisions.add(Long.parseLong(tag.group(2)));
            }
        }
        return revisions;
    }
}
