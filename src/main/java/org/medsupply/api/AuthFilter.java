// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.security.Principal;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * With API keys on, every {@code /api/v1} request names its holder: {@code Authorization: Bearer KEY},
 * or the page's session cookie ({@link Sessions}). None or an unknown one is 401; what a role may do is
 * checked per method by {@code @RolesAllowed} (403). Other paths ({@code /health}, {@code /metrics})
 * stay open.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final Sessions sessions;

    AuthFilter(ApiKeys keys, Sessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("api/v1")) {
            return;
        }
        ApiKeys.Holder holder = holder(request).orElseThrow(() -> new NotAuthorizedException("Bearer"));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return holder;
            }

            @Override
            public boolean isUserInRole(String role) {
                return holder.role().includes(ApiKeys.Role.named(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    private Optional<ApiKeys.Holder> holder(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? keys.holderOf(authorization.substring(BEARER.length()).strip()) : Optional.empty();
        }
        Cookie session = request.getCookies().get(Sessions.COOKIE);
        return session == null ? Optional.empty() : sessions.holderOf(session.getValue());
    }
}
