// SPDX-License-Identifier: Apache-2.0
package org.medsupply.store;

import java.time.Instant;

/**
 * How a job ended.
 *
 * @param status          a final status name
 * @param plan            the final best plan; {@code null} keeps the last checkpoint (or none)
 * @param explanationJson {@code null} when there is no plan
 * @param errorJson       {@code null} unless {@code FAILED}
 */
public record Outcome(String status, Instant endedAt, Checkpoint plan, String explanationJson, String errorJson) {
}
