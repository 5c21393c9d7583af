// SPDX-License-Identifier: Apache-2.0
package org.medsupply.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.medsupply.io.InputError;
import org.medsupply.io.InvalidInputException;

/**
 * The API keys a server accepts, read from a key file that holds only their SHA-256 hashes: one key a
 * line, {@code sha256:HEX OWNER ROLE}; blank lines and lines starting with {@code #} are ignored. Keys
 * are 256 random bits, so a plain hash is enough (nothing to guess a key from); presented keys are
 * compared in constant time.
 */
public final class ApiKeys {

    /** What a key may do; each role may do what the ones before it may. */
    public enum Role {
        /** read jobs, plans and explanations; validate and check */
        READ,
        /** also submit and cancel jobs */
        SUBMIT,
        /** also see and act on every owner's jobs */
        ADMIN;

        /** Whether this role may do what {@code needed} may. */
        public boolean includes(Role needed) {
            return compareTo(needed) >= 0;
        }

        /**
         * The role named in lower case in key files and on the command line.
         *
         * @throws IllegalArgumentException naming the roles there are
         */
        public static Role named(String name) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(name)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("role must be read, submit or admin, not '" + name + "'");
        }
    }

    /** Whose a key is and what it may do. */
    public record Holder(String owner, Role role) implements java.security.Principal {

        @Override
        public String getName() {
            return owner;
        }
    }

    private record Entry(byte[] hash, Holder holder) {
    }

    /** Owner names: short, no spaces, safe in logs and URLs. */
    static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PREFIX = "sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a key file.
     *
     * @throws InvalidInputException naming the line of each malformed entry, or when it holds no key
     */
    public static ApiKeys read(Path file) throws IOException, InvalidInputException {
        List<Entry> entries = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length != 3 || !fields[0].startsWith(PREFIX) || !OWNER.matcher(fields[1]).matches()) {
                    throw new IllegalArgumentException("expected 'sha256:HEX OWNER ROLE'");
                }
                byte[] hash = HexFormat.of().parseHex(fields[0].substring(PREFIX.length()));
                if (hash.length != 32) {
                    throw new IllegalArgumentException("a SHA-256 hash has 64 hex digits");
                }
                entries.add(new Entry(hash, new Holder(fields[1], Role.named(fields[2]))));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError("line " + (i + 1), e.getMessage()));
            }
        }
        if (errors.isEmpty() && entries.isEmpty()) {
            errors.add(new InputError("", "no keys in " + file.getFileName() + "; add one with 'keys add'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ApiKeys(entries);
    }

    /**
     * Makes a new random key, appends its hash, owner and role to the file (creating it), and returns
     * the key: the only time it exists outside its holder's hands.
     */
    public static String add(Path file, String owner, Role role) throws IOException, InvalidInputException {
        if (!OWNER.matcher(owner).matches()) {
            throw new InvalidInputException(List.of(new InputError("--owner",
                    "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "msk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String line = PREFIX + HexFormat.of().formatHex(sha256(key)) + " " + owner + " "
                + role.name().toLowerCase(Locale.ROOT) + System.lineSeparator();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return key;
    }

    /** The holder of a presented key; every stored hash is compared, in constant time each. */
    public Optional<Holder> holderOf(String key) {
        byte[] presented = sha256(key);
        Holder found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                found = entry.holder();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
