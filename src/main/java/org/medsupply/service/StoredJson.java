// SPDX-License-Identifier: Apache-2.0
package org.medsupply.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;

import org.medsupply.io.Json;

/** Writes the documents the service keeps in the store and reads them back; shared by its parts. */
final class StoredJson {

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads back a document this service stored. Unknown properties are skipped: stored documents are our
     * own output, which also carries derived values (a fill rate beside its counts) and, after an upgrade,
     * may carry fields this version does not know.
     */
    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
