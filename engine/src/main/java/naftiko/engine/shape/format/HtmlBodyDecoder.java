package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * html: {@code {"tables": [[rowObj…], …]}}. Tables are those matched by the {@code outputSchema}
 * CSS selector (a matched non-table element contributes the tables inside it), or every
 * {@code <table>}. Headers come from the first row holding a {@code th} (or, when a table has no
 * {@code th} at all, from its first row); rows holding a {@code th} are skipped; values are the
 * cells' trimmed text. Charset from BOM / meta / UTF-8, as browsers do.
 */
final class HtmlBodyDecoder implements BodyDecoder {
    private static final int MAX_CACHED_SELECTORS = 256;
    private final Map<String, Evaluator> selectors = new ConcurrentHashMap<>();

    @Override
    public void check(String outputSchema, Path baseDir) {
        if (outputSchema != null) {
            selector(outputSchema);
        }
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        Evaluator evaluator = outputSchema == null ? null : selector(outputSchema);
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), null, "");
        } catch (IOException | RuntimeException e) {
            throw new FormatDecoder.FormatException("upstream body could not be read as HTML");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode tables = result.putArray("tables");
        for (Element table : tables(doc, evaluator)) {
            tables.add(rows(table));
        }
        return result;
    }

    private Evaluator selector(String css) {
        Evaluator cached = selectors.get(css);
        if (cached != null) {
            return cached;
        }
        Evaluator parsed;
        try {
            parsed = QueryParser.parse(css);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw new FormatDecoder.FormatException(
                    "outputSchema '" + css + "' is not a valid CSS selector for html tables");
        }
        if (selectors.size() < MAX_CACHED_SELECTORS) {
            selectors.put(css, parsed);
        }
        return parsed;
    }

    private static Set<Element> tables(Document doc, Evaluator evaluator) {
        Set<Element> found = new LinkedHashSet<>();
        if (evaluator == null) {
            found.addAll(doc.select("table"));
            return found;
        }
        for (Element el : doc.select(evaluator)) {
            if (el.nameIs("table")) {
                found.add(el);
            } else {
                found.addAll(el.select("table"));
            }
        }
        return found;
    }

    private static ArrayNode rows(Element table) {
        List<Element> rows = ownRows(table);
        List<String> headers = null;
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        boolean hasTh = rows.stream().anyMatch(HtmlBodyDecoder::isHeaderRow);
        for (Element row : rows) {
            List<String> cells = cellTexts(row);
            if (headers == null && (isHeaderRow(row) || !hasTh)) {
                headers = TableHeaders.of(cells);
                continue;
            }
            if (isHeaderRow(row) || headers == null) {
                continue;
            }
            out.add(TableHeaders.row(headers, cells));
        }
        return out;
    }

    /** Rows of this table only (not of tables nested in its cells), in document order. */
    private static List<Element> ownRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            if (child.nameIs("tr")) {
                rows.add(child);
            } else if (child.nameIs("thead") || child.nameIs("tbody") || child.nameIs("tfoot")) {
                for (Element tr : child.children()) {
                    if (tr.nameIs("tr")) {
                        rows.add(tr);
                    }
                }
            }
        }
        return rows;
    }

    private static boolean isHeaderRow(Element row) {
        for (Element cell : row.children()) {
            if (cell.nameIs("th")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> cellTexts(Element row) {
        List<String> cells = new ArrayList<>();
        for (Element cell : row.children()) {
            if (cell.nameIs("td") || cell.nameIs("th")) {
                cells.add(cell.text().trim());
            }
        }
        return cells;
    }
}
