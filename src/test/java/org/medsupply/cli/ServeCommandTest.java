// SPDX-License-Identifier: Apache-2.0
package org.medsupply.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.medsupply.api.HttpConfig;
import org.medsupply.service.ServiceConfig;

class ServeCommandTest {

    @Test
    void unsetOptionsKeepTheDefaults() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.config()).isEqualTo(ServiceConfig.defaults());
        assertThat(command.httpConfig()).isEqualTo(HttpConfig.defaults());
    }

    @Test
    void optionsSetTheLimits() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--host", "0.0.0.0", "--port", "9090", "--max-body-bytes", "1048576",
                "--max-time-limit", "PT2M", "--default-time-limit", "PT5S", "--max-hospitals", "10",
                "--solvers", "3", "--max-queued", "0", "--retention", "PT5M", "--allow-origin", "https://a.example",
                "--allow-origin", "https://b.example", "--http-threads", "6", "--http-queue", "7",
                "--idle-timeout", "PT20S", "--io-timeout", "PT3S");
        HttpConfig http = command.httpConfig();
        assertThat(http.host()).isEqualTo("0.0.0.0");
        assertThat(http.port()).isEqualTo(9090);
        assertThat(http.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(http.workerThreads()).isEqualTo(6);
        assertThat(http.workerQueue()).isEqualTo(7);
        assertThat(http.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(http.ioTimeout()).isEqualTo(Duration.ofSeconds(3));
        ServiceConfig config = command.config();
        assertThat(config.maxTimeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.defaultTimeLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxHospitals()).isEqualTo(10);
        assertThat(config.parallelSolvers()).isEqualTo(3);
        assertThat(config.maxQueuedJobs()).isZero();
        assertThat(config.retention()).isEqualTo(Duration.ofMinutes(5));
        assertThat(command.webConfig().allowedOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
    }
}
