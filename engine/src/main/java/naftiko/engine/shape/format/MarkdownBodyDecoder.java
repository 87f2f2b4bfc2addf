package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * markdown: {@code {"frontMatter": {…}, "tables": [[rowObj…]…], "sections": [{heading, level,
 * content}…]}}. Front matter is a leading {@code ---} YAML block (parsed like the yaml format).
 * Tables are GFM pipe tables anywhere in the document, keyed by their header row. Each top-level
 * heading opens a section whose {@code content} is the Markdown source up to the next heading of
 * the same or a higher level (so it includes its sub-sections). {@code outputSchema}, when set,
 * keeps only sections whose heading text starts with it.
 */
final class MarkdownBodyDecoder implements BodyDecoder {
    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private final YamlBodyDecoder yaml = new YamlBodyDecoder();

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        FrontMatter split = FrontMatter.split(BodyText.utf8(body));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("frontMatter", frontMatter(split.yaml()));
        Node doc = parser.parse(split.markdown());
        result.set("tables", tables(doc));
        result.set("sections", sections(doc, split.markdown(), outputSchema));
        return result;
    }

    private JsonNode frontMatter(String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode parsed = yaml.parse(text, "YAML front matter");
        if (!parsed.isObject()) {
            throw new FormatDecoder.FormatException("markdown front matter is not a YAML mapping");
        }
        return parsed;
    }

    private static ArrayNode tables(Node doc) {
        ArrayNode tables = JsonNodeFactory.instance.arrayNode();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(doc);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof TableBlock table) {
                tables.add(table(table));
                continue;
            }
            List<Node> children = new ArrayList<>();
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return tables;
    }

    private static ArrayNode table(TableBlock table) {
        List<String> headers = List.of();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(MarkdownText.of(cell));
                    }
                }
                if (part instanceof TableHead) {
                    headers = TableHeaders.of(cells);
                } else {
                    rows.add(TableHeaders.row(headers, cells));
                }
            }
        }
        return rows;
    }

    private static ArrayNode sections(Node doc, String markdown, String prefix) {
        List<Heading> headings = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && !h.getSourceSpans().isEmpty()) {
                headings.add(h);
            }
        }
        String[] lines = markdown.split("\r\n|\r|\n", -1);
        ArrayNode sections = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            String text = MarkdownText.of(h);
            if (prefix != null && !text.startsWith(prefix)) {
                continue;
            }
            int from = lastLine(h) + 1;
            int to = lines.length;
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).getLevel() <= h.getLevel()) {
                    to = headings.get(j).getSourceSpans().get(0).getLineIndex();
                    break;
                }
            }
            ObjectNode section = sections.addObject();
            section.put("heading", text);
            section.put("level", h.getLevel());
            section.put("content", join(lines, from, to));
        }
        return sections;
    }

    private static int lastLine(Heading h) {
        return h.getSourceSpans().get(h.getSourceSpans().size() - 1).getLineIndex();
    }

    private static String join(String[] lines, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(to, lines.length); i++) {
            sb.append(lines[i]).append('\n');
        }
        return sb.toString().strip();
    }
}
