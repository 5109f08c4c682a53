package ru.workready.data.programmes;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import ru.workready.data.InvalidInputException.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The structure of a programme file is the JSON Schema the API serves (GET /api/programmes/schema), checked by a schema
 * library: one schema, no second description of it in code. What a schema cannot say (duplicate codes, a ПК that does
 * not exist as a parent, an activity code nobody declared) stays with the importer.
 */
final class ProgrammeSchema {
    static final String RESOURCE = ProgrammeFormat.SCHEMA_RESOURCE;
    private static final Schema SCHEMA = load();

    private ProgrammeSchema() {
    }

    private static Schema load() {
        try (InputStream in = ProgrammeSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every place the document breaks the schema, as a JSON pointer and a reason, in document order. */
    static List<Problem> problems(JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(ProgrammeSchema::problem)
                .sorted(Comparator.comparing(p -> p.column() == null ? "" : p.column()))
                .distinct()
                .toList();
    }

    private static Problem problem(Error e) {
        String pointer = pointer(e.getInstanceLocation());
        // required and additionalProperties name the property itself: point at it
        if (e.getProperty() != null && ("required".equals(e.getKeyword())
                || "additionalProperties".equals(e.getKeyword()))) {
            pointer = (pointer.equals("/") ? "" : pointer) + "/" + e.getProperty();
        }
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && (message.startsWith("/") || message.startsWith("$"))) {
            message = message.substring(colon + 2);
        }
        JsonNode value = e.getInstanceNode();
        return new Problem(null, pointer, value != null && value.isValueNode() ? value.asString() : null,
                e.getKeyword() + ": " + message);
    }

    static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            String name = String.valueOf(path.getElement(i));
            b.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return b.length() == 0 ? "/" : b.toString();
    }
}
