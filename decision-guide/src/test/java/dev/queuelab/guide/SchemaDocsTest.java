package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema table in docs/decision-guide.md lists every key the reader accepts, with its values. */
class SchemaDocsTest {

    @Test
    void shouldDocumentEveryKeyWithItsValuesWhenTheSchemaChanges() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "decision-guide.md"));
        for (Schema.Key key : Schema.KEYS.values()) {
            String values =
                    key.isNumber() || key.isText() ? key.allowed() : "`" + String.join("` \\| `", key.choices()) + "`";
            assertThat(doc)
                    .as("docs/decision-guide.md documents %s as %s", key.key(), values)
                    .contains("| `" + key.key() + "` | " + values + " |");
        }
    }
}
