// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

import org.medsupply.io.Json;

/**
 * The coordinators' page under {@code /ui/}: its own files ({@code org/medsupply/web}), the libraries
 * vendored by WebJars under {@code /ui/vendor/}, the bundled example problems, and {@code config.json}
 * (map tiles, example names, whether API keys are on). Every answer forbids inline script and MIME sniffing, so text from a
 * problem can never run as code even if some day it reached the page unescaped.
 */
final class WebPage extends CLStaticHttpHandler {

    static final String CONTEXT = "/ui";
    private static final String EXAMPLES = "org/medsupply/web/examples";

    private final String contentSecurityPolicy;
    private final byte[] config;

    WebPage(WebConfig web, boolean apiKeys) {
        super(WebPage.class.getClassLoader(), "org/medsupply/web/", "META-INF/resources/webjars/");
        setFileCacheEnabled(false);
        boolean tiles = !WebConfig.NO_TILES.equals(web.mapTiles());
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                + "img-src 'self' data:" + (tiles ? " " + web.mapTilesOrigin() : "") + "; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        try {
            this.config = Json.MAPPER.writeValueAsBytes(Map.of(
                    "tiles", tiles ? web.mapTiles() : "",
                    "attribution", web.mapAttribution(),
                    "examples", examples(),
                    "apiKeys", apiKeys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (CONTEXT.equals(request.getRequestURI())) {
            response.sendRedirect(CONTEXT + "/");
            return;
        }
        super.service(request, response);
    }

    /** The path below {@code /ui}: the page is served from the root handler, so there is no context path to cut. */
    @Override
    protected String getRelativeURI(Request request) throws Exception {
        String uri = super.getRelativeURI(request);
        return uri == null ? null : uri.substring(CONTEXT.length());
    }

    @Override
    protected boolean handle(String uri, Request request, Response response) throws Exception {
        if ("/config.json".equals(uri)) {
            response.setContentType("application/json");
            response.setContentLength(config.length);
            response.getOutputStream().write(config);
            return true;
        }
        if (uri.endsWith(".json")) {
            response.setContentType("application/json"); // Grizzly's table would say text/plain
        }
        // the libraries live under /ui/vendor/, the page's own files at the top
        return super.handle(uri.startsWith("/vendor/") ? uri.substring("/vendor".length()) : uri, request, response);
    }

    /** The bundled example problems, as paths under {@code /ui/examples/}, e.g. {@code tiny/cold-chain.json}. */
    static List<String> examples() {
        java.net.URL folder = WebPage.class.getClassLoader().getResource(EXAMPLES);
        if (folder == null) {
            throw new IllegalStateException("the example problems are missing from the build");
        }
        try {
            URI uri = folder.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return list(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.provider().getPath(uri));
            } catch (FileSystemAlreadyExistsException open) {
                return list(FileSystems.getFileSystem(uri).provider().getPath(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}
