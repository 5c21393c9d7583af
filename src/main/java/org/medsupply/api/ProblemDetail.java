// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.medsupply.io.InputError;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type   a stable URN per kind of problem (see {@link #TYPE_PREFIX})
 * @param errors for input errors: every problem found, each with a JSON pointer into the body or the
 *               name of the query parameter at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:medsupply:problem:";

    /**
     * @param pointer RFC 6901 pointer into the request body (for a workbook or CSV tables, into the
     *                problem they convert to), or {@code null} for a query parameter
     * @param cell    for a workbook or CSV tables, the cell: {@code demands!C14}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String pointer, String parameter, String detail, String cell) {

        public FieldError(String pointer, String parameter, String detail) {
            this(pointer, parameter, detail, null);
        }

        static FieldError of(InputError error) {
            return new FieldError(error.pointer(), null, error.detail(), error.cell());
        }
    }

    public static ProblemDetail of(String kind, String title, int status, String detail) {
        return new ProblemDetail(TYPE_PREFIX + kind, title, status, detail, null);
    }
}
