package dev.rotor.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java blocks of a Markdown file. A block fenced {@code ```java} is a whole compilation unit: its imports and
 * one top-level type, compiled against the published modules; one fenced {@code ```java example} is the same but
 * uses the example module (not published), and compiles against its jar too; one fenced {@code ```java fragment}
 * is a deliberate fragment and is not compiled.
 */
final class ReadmeBlocks {

    /**
     * A Java block: where it starts (the fence's line, from 1), its text, whether it is a fragment, and whether
     * it uses the example module.
     */
    record Block(int line, String code, boolean fragment, boolean example) {

        /** The name of the first top-level type, which names the file it is compiled from. */
        String typeName() {
            Matcher type = TOP_LEVEL_TYPE.matcher(code);
            if (!type.find()) {
                throw new AssertionError("README.md line " + line + ": a ```java block declares no top-level type;"
                        + " add one, or fence it ```java fragment");
            }
            return type.group(1);
        }

        @Override
        public String toString() {
            return "README.md line " + line;
        }
    }

    private static final Pattern OPENING = Pattern.compile("^```java(?: (fragment|example))?\\s*$");
    private static final Pattern CLOSING = Pattern.compile("^```\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:public |final |abstract |sealed |non-sealed )*(?:class|record|interface|enum) (\\w+)",
            Pattern.MULTILINE);

    private ReadmeBlocks() {}

    /** The project's README.md, found from the module folder the tests run in. */
    static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("readme-test"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + here);
    }

    static List<Block> of(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher opening = OPENING.matcher(lines.get(i));
            if (!opening.matches()) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !CLOSING.matcher(lines.get(i)).matches(); i++) {
                code.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new AssertionError("README.md line " + (start + 1) + ": a ```java block is never closed");
            }
            String marker = opening.group(1);
            blocks.add(new Block(start + 1, code.toString(), "fragment".equals(marker), "example".equals(marker)));
        }
        return blocks;
    }
}
