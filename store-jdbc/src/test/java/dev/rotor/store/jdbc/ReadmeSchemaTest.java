package dev.rotor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The schema the README shows is the one the jar ships, statement for statement. */
class ReadmeSchemaTest {

    @Test
    void theReadmesSchemaIsSchemaSql() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("### PostgreSQL.*?```sql\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(block.find())
                .as("a sql block in the README's PostgreSQL section")
                .isTrue();

        assertThat(statements(block.group(1))).isEqualTo(statements(JdbcSessionStore.schema()));
    }

    /** The SQL without comments, its whitespace collapsed. */
    private static String statements(String sql) {
        return sql.replaceAll("--[^\\n]*", "").replaceAll("\\s+", " ").strip();
    }
}
