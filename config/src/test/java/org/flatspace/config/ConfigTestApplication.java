package org.flatspace.config;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The config module alone on MariaDB, for its integration tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConfigModule.class)
class ConfigTestApplication {
}
