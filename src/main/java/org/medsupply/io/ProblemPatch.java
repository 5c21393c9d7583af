// SPDX-License-Identifier: Apache-2.0
package org.medsupply.io;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;

/**
 * A change to a problem: an RFC 6902 JSON Patch (FORMAT.md, "Changes: JSON Patch"), applied by
 * zjsonpatch. A patch applies whole or not at all: the problem given is never changed, and the patched
 * problem must pass every rule a problem file must pass. Errors in the patch itself point at the
 * operation ({@code /2}); rule errors point into the patched problem and name the operation that
 * touched that place last.
 */
public final class ProblemPatch {

    /** RFC 6902: removing what is not there is an error, as it is for arrays. */
    private static final EnumSet<CompatibilityFlags> STRICT = EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT);

    private ProblemPatch() {
    }

    /** Patches a problem file; see {@link #apply(JsonNode, JsonNode, ProblemReader.Limits)}. */
    public static ProblemFile apply(ProblemFile problem, JsonNode patch) throws InvalidInputException {
        return apply(Json.MAPPER.valueToTree(problem), patch, ProblemReader.Limits.DEFAULT);
    }

    /**
     * @param problem a problem tree (not changed)
     * @param patch   a JSON array of RFC 6902 operations
     * @return the patched problem, valid by every rule of FORMAT.md
     * @throws InvalidInputException naming the failing operation, or every rule the patched problem breaks
     */
    public static ProblemFile apply(JsonNode problem, JsonNode patch, ProblemReader.Limits limits)
            throws InvalidInputException {
        JsonNode patched = patchedTree(problem, patch);
        try {
            return ProblemReader.read(patched, limits);
        } catch (InvalidInputException e) {
            List<InputError> errors = new ArrayList<>();
            e.errors().forEach(error -> errors.add(blame(error, patch)));
            throw new InvalidInputException(errors);
        }
    }

    /** The patched tree, not yet checked by the problem rules. */
    static JsonNode patchedTree(JsonNode problem, JsonNode patch) throws InvalidInputException {
        if (patch == null || !patch.isArray()) {
            throw invalid("", "a JSON Patch must be an array of operations");
        }
        JsonNode result = problem;
        for (int index = 0; index < patch.size(); index++) {
            JsonNode single = JsonNodeFactory.instance.arrayNode().add(patch.get(index));
            try {
                JsonPatch.validate(single, STRICT);
                result = JsonPatch.apply(single, result, STRICT); // a copy: the problem given stays as it was
            } catch (JsonPatchApplicationException e) {
                throw invalid("/" + index, describe(patch.get(index)) + " failed: " + reason(e));
            }
        }
        return result;
    }

    /** "test /vehicles/5/id" */
    private static String describe(JsonNode operation) {
        JsonNode op = operation.get("op");
        JsonNode path = operation.get("path");
        return "operation " + (op != null && op.isTextual() ? op.textValue() : "?")
                + (path != null && path.isTextual() ? " " + path.textValue() : "");
    }

    /** The library's words, without its bracketed operation prefix. */
    private static String reason(JsonPatchApplicationException e) {
        String message = e.getMessage() == null ? "not applicable" : e.getMessage();
        return message.replaceFirst("^\\[[^]]*] ", "").strip();
    }

    /**
     * A rule error in the patched problem, with the last operation whose path leads to the value or lies
     * under it (so "the value this operation wrote is wrong"); left as it is when no operation touched it.
     */
    private static InputError blame(InputError error, JsonNode patch) {
        for (int index = patch.size() - 1; index >= 0; index--) {
            JsonNode path = patch.get(index).get("path");
            if (path != null && path.isTextual() && overlaps(path.textValue(), error.pointer())) {
                return new InputError(error.pointer(), error.detail() + " (after patch operation /" + index + ")");
            }
        }
        return error;
    }

    private static boolean overlaps(String path, String pointer) {
        String written = path.endsWith("/-") ? path.substring(0, path.length() - 2) : path;
        return isUnder(pointer, written) || isUnder(written, pointer);
    }

    private static boolean isUnder(String pointer, String prefix) {
        return pointer.equals(prefix) || pointer.startsWith(prefix + "/");
    }

    private static InvalidInputException invalid(String pointer, String detail) {
        return new InvalidInputException(List.of(new InputError(pointer, detail)));
    }
}
