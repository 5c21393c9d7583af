// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/session}: trades an API key (sent once, as a header) for a session cookie the web
 * page's requests and {@code EventSource} carry instead. See {@link Sessions}.
 */
@Singleton
@Path("/api/v1/session")
public final class SessionResource {

    /** The session opened. */
    public record SessionInfo(String owner, String role, long expiresInSeconds) {
    }

    private final Sessions sessions;

    @Inject
    public SessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Takes no input; the body, if any, is ignored (a POST still names its type, as every POST here). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response open(@Context SecurityContext security) {
        ApiKeys.Holder holder = holder(security);
        return Response.ok(new SessionInfo(holder.owner(), holder.role().name().toLowerCase(Locale.ROOT),
                Sessions.LIFETIME.toSeconds()))
                .cookie(cookie(sessions.open(holder), (int) Sessions.LIFETIME.toSeconds(), security.isSecure()))
                .build();
    }

    @DELETE
    public Response close(@Context SecurityContext security, @CookieParam(Sessions.COOKIE) String session) {
        holder(security);
        if (session != null) {
            sessions.close(session);
        }
        return Response.noContent().cookie(cookie("", 0, security.isSecure())).build();
    }

    private static ApiKeys.Holder holder(SecurityContext security) {
        if (security.getUserPrincipal() instanceof ApiKeys.Holder holder) {
            return holder;
        }
        throw new NotFoundException("API keys are off: no session is needed");
    }

    /** @param secure sent only over HTTPS, when the request came that way */
    private static NewCookie cookie(String value, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/api/v1").maxAge(maxAgeSeconds)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).secure(secure).build();
    }
}
