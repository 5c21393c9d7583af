// SPDX-License-Identifier: Apache-2.0
package org.medsupply.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a benchmark runs on, in one line, as every recorded result names it (the VMs are shared). */
public final class Machine {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    private Machine() {
    }

    /**
     * "2 cores, AMD EPYC 7B13, Java 17.0.15 (Eclipse Adoptium), load average 0.42": cores as {@code nproc}
     * counts them, and how busy the machine is now (the one-minute load average).
     */
    public static String describe() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d cores, %s, Java %s (%s), load average (1 min) %s",
                Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.version(),
                System.getProperty("java.vendor"), load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load));
    }

    /** The CPU model Linux reports, or "CPU model unknown" elsewhere. */
    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(CPU_INFO);
            return lines.stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("CPU model unknown");
        } catch (IOException e) { // not Linux, or not readable
            return "CPU model unknown";
        }
    }
}
