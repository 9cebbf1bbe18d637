package org.flatspace.portal.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * @param dataDir      where the demo keeps its files (the test-driver host descriptions)
 * @param password     the password of every demo user
 */
@Validated
@ConfigurationProperties("flatspace.demo")
record DemoProperties(@NotNull Path dataDir, @NotBlank String password) {
}
