// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the HTTP front only, kept out of the service's {@code ServiceConfig}: which browser origins may
 * call the API, and which map tiles the web page draws.
 *
 * @param allowedOrigins CORS origins allowed to call the API; empty: none (no CORS headers)
 * @param mapTiles       the web page's map tile URL template ({z}/{x}/{y}), or {@code none} for a plain
 *                       background (a command centre may be offline)
 * @param mapAttribution the credit the tile provider asks for, shown on the map
 */
public record WebConfig(List<String> allowedOrigins, String mapTiles, String mapAttribution) {

    /** {@link #mapTiles} for no tiles at all. */
    public static final String NO_TILES = "none";
    /** scheme://host[:port] of a tile template, then a path. */
    private static final Pattern TILE_URL = Pattern.compile("(https?://)([A-Za-z0-9.{}\\-]+(:[0-9]+)?)/\\S*");

    public WebConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (!NO_TILES.equals(mapTiles) && !TILE_URL.matcher(mapTiles).matches()) {
            throw new IllegalArgumentException("map tiles must be an http(s) URL template such as "
                    + "https://tile.openstreetmap.org/{z}/{x}/{y}.png, or none; not '" + mapTiles + "'");
        }
    }

    /** No CORS origins, OpenStreetMap tiles. */
    public static WebConfig defaults() {
        return new WebConfig(List.of(), "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "\u00a9 OpenStreetMap contributors");
    }

    public WebConfig withAllowedOrigins(List<String> origins) {
        return new WebConfig(origins, mapTiles, mapAttribution);
    }

    /** The tile URL template and its attribution; {@code none} draws no tiles. */
    public WebConfig withMapTiles(String template, String attribution) {
        return new WebConfig(allowedOrigins, template, attribution);
    }

    /**
     * The origin the web page loads map tiles from, for its Content-Security-Policy: a {s}-style
     * placeholder in the host becomes a wildcard; empty with {@link #NO_TILES}.
     */
    public String mapTilesOrigin() {
        Matcher url = TILE_URL.matcher(mapTiles);
        return url.matches() ? url.group(1) + url.group(2).replaceAll("\\{[a-z]+}", "*") : "";
    }
}
