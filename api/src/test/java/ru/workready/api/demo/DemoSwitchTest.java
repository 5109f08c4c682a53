package ru.workready.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The demo loads on the embedded database only, unless workready.demo.enabled says otherwise. */
class DemoSwitchTest {
    private static boolean enabled(String url, String configured) {
        MockEnvironment env = new MockEnvironment();
        if (url != null) {
            env.setProperty("spring.datasource.url", url);
        }
        if (configured != null) {
            env.setProperty("workready.demo.enabled", configured);
        }
        return new DemoSwitch(Binder.get(env).bindOrCreate("workready.demo", DemoProperties.class), env).enabled();
    }

    @Test
    void onlyTheEmbeddedDatabaseGetsTheDemoByDefault() {
        assertThat(enabled(null, null)).isTrue();
        assertThat(enabled("", null)).isTrue();
        assertThat(enabled("jdbc:postgresql://db:5432/region", null)).isFalse();
    }

    @Test
    void theSettingDecidesWhenGiven() {
        assertThat(enabled("jdbc:postgresql://db:5432/region", "true")).isTrue();
        assertThat(enabled(null, "false")).isFalse();
        assertThat(enabled(null, " ")).isTrue();
    }
}
