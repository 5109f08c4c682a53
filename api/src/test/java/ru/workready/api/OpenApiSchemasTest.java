package ru.workready.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document names each contract record as ContractTypesTest expects, one schema per record with that
 * record's fields (a clash would leave one record documented with another's), and every $ref resolves (issue #18).
 */
class OpenApiSchemasTest extends ApiTest {
    @Autowired
    MockMvc mvc;

    private String document;
    private JsonNode schemas;

    @BeforeEach
    void read() throws Exception {
        document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        schemas = JsonMapper.builder().build().readTree(document).get("components").get("schemas");
    }

    /**
     * A schema named for a contract record documents that record's fields, not another's of the same simple name.
     * (Bare {@code List<X>} answers get no content from springdoc 3.1.1 here, so not every record has a schema.)
     */
    @Test
    void aContractRecordsSchemaHasItsFields() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : ContractTypesTest.schemaTypes()) {
            String name = ContractTypesTest.schemaName(type);
            JsonNode schema = schemas.get(name);
            if (schema == null || !type.isRecord()) {
                continue;
            }
            checked++;
            Set<String> documented = new TreeSet<>(schema.path("properties").propertyNames());
            for (RecordComponent component : type.getRecordComponents()) {
                boolean ignored = type.getDeclaredField(component.getName()).isAnnotationPresent(JsonIgnore.class);
                if (!ignored && !documented.contains(component.getName())) {
                    wrong.add(name + " (" + type.getName() + ") lacks " + component.getName() + ": has " + documented);
                    break;
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("contract records found in the document").isGreaterThan(50);
    }

    @Test
    void everyReferenceResolves() {
        Set<String> dangling = new TreeSet<>();
        Matcher ref = Pattern.compile("\"\\$ref\":\"#/components/schemas/([^\"]+)\"").matcher(document);
        while (ref.find()) {
            if (!schemas.has(ref.group(1))) {
                dangling.add(ref.group(1));
            }
        }
        assertThat(dangling).isEmpty();
        assertThat(schemas.propertyNames()).doesNotContain("Job", "Student", "Organisation", "Row", "Cell")
                .contains("RescoringJobView", "OrganisationView", "MappingSetView",
                "ExpertiseRow", "EmploymentRow", "ValidityComparisonRow", "FunctionReadinessView", "FunctionView",
                "GraduateCohort");
    }
}
