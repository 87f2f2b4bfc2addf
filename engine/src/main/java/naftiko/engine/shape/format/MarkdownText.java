package naftiko.engine.shape.format;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Plain text of a Markdown inline tree (emphasis, links and code reduced to their text). */
final class MarkdownText {
    private static final int MAX_DEPTH = 100;

    private MarkdownText() {}

    static String of(Node node) {
        StringBuilder sb = new StringBuilder();
        append(node, sb, 0);
        return sb.toString().trim();
    }

    private static void append(Node node, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (c instanceof Code code) {
                sb.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                append(c, sb, depth + 1);
            }
        }
    }
}
