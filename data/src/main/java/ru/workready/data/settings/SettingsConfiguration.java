package ru.workready.data.settings;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the data module's settings records ({@code @ConfigurationProperties} in each area's package), so that
 * any application built on this module (the API, a test application, a future command line) binds and checks them.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("ru.workready.data")
public class SettingsConfiguration {
}
