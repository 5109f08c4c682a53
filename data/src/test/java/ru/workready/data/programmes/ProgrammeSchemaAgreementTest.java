package ru.workready.data.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served schema and the import agree: the schema's own examples and the documented example file pass both; each
 * file broken one way fails both, at the same JSON pointer.
 */
class ProgrammeSchemaAgreementTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode example() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("..", "docs", "examples", "programme-09.02.07.json")));
    }

    @Test
    void theDocumentedFileAndTheSchemasExamplesPassBoth() throws Exception {
        ObjectNode doc = example();
        assertThat(ProgrammeSchema.problems(doc)).isEmpty();
        assertThat(ProgrammeFormat.readJson(JSON.writeValueAsBytes(doc)).outcomes()).isNotEmpty();
        // every "examples" value of the served schema, put into the document where it belongs
        JsonNode schema;
        try (InputStream in = ProgrammeSchema.class.getResourceAsStream(ProgrammeSchema.RESOURCE)) {
            schema = JSON.readTree(in);
        }
        JsonNode props = schema.get("properties");
        int used = 0;
        for (String field : List.of("fgosCode", "name", "qualification")) {
            for (JsonNode example : props.get(field).get("examples")) {
                ObjectNode copy = doc.deepCopy();
                copy.set(field, example);
                assertThat(ProgrammeSchema.problems(copy)).as(field + " = " + example).isEmpty();
                assertThat(ProgrammeFormat.readJson(JSON.writeValueAsBytes(copy))).isNotNull();
                used++;
            }
        }
        for (JsonNode example : props.get("outcomes").get("items").get("properties").get("code").get("examples")) {
            ObjectNode copy = doc.deepCopy();
            ((ObjectNode) copy.get("outcomes").get(0)).set("code", example);
            assertThat(ProgrammeSchema.problems(copy)).as("outcome code " + example).isEmpty();
            used++;
        }
        assertThat(used).isGreaterThan(4);
    }

    static Stream<Arguments> broken() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("no fgosCode", "/fgosCode", (Consumer<ObjectNode>) d -> d.remove("fgosCode")));
        cases.add(Arguments.of("fgosCode pattern", "/fgosCode", (Consumer<ObjectNode>) d -> d.put("fgosCode", "9.2.7")));
        cases.add(Arguments.of("empty name", "/name", (Consumer<ObjectNode>) d -> d.put("name", "")));
        cases.add(Arguments.of("level as text", "/qualificationLevel",
                (Consumer<ObjectNode>) d -> d.put("qualificationLevel", "five")));
        cases.add(Arguments.of("level 0", "/qualificationLevel", (Consumer<ObjectNode>) d -> d.put("qualificationLevel", 0)));
        cases.add(Arguments.of("year 1980", "/intakeYear", (Consumer<ObjectNode>) d -> d.put("intakeYear", 1980)));
        cases.add(Arguments.of("unknown property", "/extra", (Consumer<ObjectNode>) d -> d.put("extra", 1)));
        cases.add(Arguments.of("activities not an array", "/activities",
                (Consumer<ObjectNode>) d -> d.put("activities", "ВД 1")));
        cases.add(Arguments.of("no outcomes", "/outcomes", (Consumer<ObjectNode>) d -> d.set("outcomes",
                JSON.createArrayNode())));
        cases.add(Arguments.of("outcome kind", "/outcomes/0/kind",
                (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("outcomes").get(0)).put("kind", "COMPETENCE")));
        cases.add(Arguments.of("outcome without code", "/outcomes/1/code",
                (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("outcomes").get(1)).remove("code")));
        cases.add(Arguments.of("outcome extra", "/outcomes/2/note",
                (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("outcomes").get(2)).put("note", "x")));
        cases.add(Arguments.of("activity without name", "/activities/0/name",
                (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("activities").get(0)).remove("name")));
        cases.add(Arguments.of("outcome not an object", "/outcomes/0",
                (Consumer<ObjectNode>) d -> ((ArrayNode) d.get("outcomes")).set(0, JSON.getNodeFactory().textNode("ПК"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aBrokenFileFailsTheSchemaAndTheImportAtTheSamePlace(String name, String pointer, Consumer<ObjectNode> breakIt)
            throws Exception {
        ObjectNode doc = example();
        breakIt.accept(doc);
        assertThat(ProgrammeSchema.problems(doc)).extracting(InvalidInputException.Problem::column).contains(pointer);
        assertThatThrownBy(() -> ProgrammeFormat.readJson(JSON.writeValueAsBytes(doc)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::column).contains(pointer));
    }

    @Test
    void theSchemaFileIsTheOneTheApiServes() throws Exception {
        try (InputStream in = ProgrammeSchema.class.getResourceAsStream(ProgrammeSchema.RESOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"$id\": \"https://workready.ru/schemas/programme-1.json\"");
        }
    }
}
