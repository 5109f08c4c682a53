package ru.workready.api.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;
import ru.workready.api.security.AdminKeyProperties;
import ru.workready.data.assessments.UploadProperties;
import ru.workready.data.database.DatabaseProperties;
import ru.workready.data.replica.ReplicaProperties;
import ru.workready.data.settings.RenamedSettings;
import ru.workready.data.standards.StandardsProperties;

/**
 * docs/configuration.md is the one table of {@code workready.*} settings: every key a settings record binds has its
 * row with the record's default, no row names a key nothing binds, and its "formerly" column is what
 * {@link RenamedSettings} still accepts.
 */
class ConfigurationTableTest {
    private static final Path TABLE = Path.of("../docs/configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(workready\\.[a-z0-9.-]+)` \\|(.*)$");

    /** A bound key and the default its record declares ("" when none or empty). */
    record Key(String name, String defaultValue) {
    }

    /** A table row: the key, its default cell and its formerly cell. */
    record Row(String key, String defaultCell, String formerly) {
    }

    @Test
    void everyBoundKeyHasItsRowWithTheRecordsDefault() throws Exception {
        List<Key> bound = boundKeys();
        Map<String, Row> rows = rows();
        assertThat(bound).as("settings records found").hasSizeGreaterThan(30);
        assertThat(rows.keySet()).as("rows of docs/configuration.md vs keys bound by the settings records")
                .containsExactlyInAnyOrderElementsOf(bound.stream().map(Key::name).toList());
        for (Key key : bound) {
            if (!key.defaultValue().isEmpty()) {
                assertThat(rows.get(key.name()).defaultCell()).as("default of " + key.name())
                        .contains("`" + key.defaultValue() + "`");
            }
        }
    }

    @Test
    void theFormerlyColumnIsWhatTheApplicationStillAccepts() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        rows().values().stream().filter(r -> !r.formerly().isEmpty())
                .forEach(r -> documented.put(r.formerly(), r.key()));
        assertThat(documented).isEqualTo(new TreeMap<>(RenamedSettings.RENAMED));
    }

    /** The environment variables deployments set (compose.yaml, docs) bind to the records as they did to @Value. */
    @Test
    void documentedEnvironmentVariablesStillBind() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "WORKREADY_ADMIN_KEY", "wr_key", "WORKREADY_STANDARDS_IMPORTDIR", "/srv/standards",
                "WORKREADY_REPLICA_URL", "jdbc:postgresql://replica/db", "WORKREADY_DATABASE_ROLE_CHECK", "false",
                "WORKREADY_UPLOADS_MAXBYTES", "4GB")));
        Binder binder = Binder.get(env);
        assertThat(binder.bindOrCreate("workready", AdminKeyProperties.class).adminKey()).isEqualTo("wr_key");
        assertThat(binder.bindOrCreate("workready.standards", StandardsProperties.class).importDir())
                .isEqualTo("/srv/standards");
        assertThat(binder.bindOrCreate("workready.replica", ReplicaProperties.class).url())
                .isEqualTo("jdbc:postgresql://replica/db");
        assertThat(binder.bindOrCreate("workready.database", DatabaseProperties.class).roleCheck()).isFalse();
        assertThat(binder.bindOrCreate("workready.uploads", UploadProperties.class).maxBytes())
                .isEqualTo(DataSize.ofGigabytes(4));
    }

    static List<Key> boundKeys() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Key> keys = new ArrayList<>();
        for (BeanDefinition found : scan.findCandidateComponents("ru.workready")) {
            Class<?> type = ClassUtils.forName(found.getBeanClassName(), ConfigurationTableTest.class.getClassLoader());
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            collect(properties.value().isEmpty() ? properties.prefix() : properties.value(), type, keys);
        }
        return keys;
    }

    private static void collect(String prefix, Class<?> record, List<Key> keys) {
        for (RecordComponent c : record.getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            if (c.getType().isRecord() && c.getType().getName().startsWith("ru.workready.")) {
                collect(name, c.getType(), keys);
            } else {
                DefaultValue d = c.getAnnotation(DefaultValue.class);
                keys.add(new Key(name, d == null || d.value().length == 0 ? "" : d.value()[0]));
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new TreeMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String[] cells = m.group(2).split("\\|", -1);
                String formerly = cells.length > 4 ? cells[3].strip().replace("`", "") : "";
                assertThat(rows.put(m.group(1), new Row(m.group(1), cells[0], formerly))).as("row of " + m.group(1))
                        .isNull();
            }
        }
        return rows;
    }
}
