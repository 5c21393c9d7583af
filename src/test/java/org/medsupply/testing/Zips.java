// SPDX-License-Identifier: Apache-2.0
package org.medsupply.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips made in tests: CSV tables as an archiver packs them, and zip bombs. */
public final class Zips {

    private Zips() {
    }

    /** The files of {@code folder}, each under {@code prefix} (a folder inside the zip, or "") in name order. */
    public static byte[] ofFolder(Path folder, String prefix) throws IOException {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                Stream<Path> files = Files.list(folder)) {
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (Path file : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }
    }

    /** One entry of {@code size} blanks: packed to about a thousandth of what it inflates to. */
    public static byte[] ofBlanks(String entryName, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(" ".repeat(size).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
