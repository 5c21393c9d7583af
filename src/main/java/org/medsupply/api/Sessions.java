// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived sessions for the web page: a browser's {@code EventSource} cannot send an
 * {@code Authorization} header, and a key in a URL would land in logs and history. The page posts its
 * key once ({@code POST /api/v1/session}) and gets an HttpOnly, SameSite=Strict cookie that stands in
 * for the key. Only hashes of session ids are kept, in memory: a restart ends every session.
 */
final class Sessions {

    static final String COOKIE = "medsupply_session";
    /** How long a session lasts; the page opens a new one when it runs out. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** At most this many sessions at once; the oldest go first. */
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(ApiKeys.Holder holder, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session for a key's holder; returns its id, to send as the cookie only. */
    String open(ApiKeys.Holder holder) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expires().isAfter(now));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.comparing(Session::expires)))
                    .ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        sessions.put(key(id), new Session(holder, now.plus(LIFETIME)));
        return id;
    }

    /** The holder of a live session. */
    Optional<ApiKeys.Holder> holderOf(String id) {
        Session session = sessions.get(key(id));
        if (session == null || !session.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session.holder());
    }

    void close(String id) {
        sessions.remove(key(id));
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(ApiKeys.sha256(id));
    }
}
