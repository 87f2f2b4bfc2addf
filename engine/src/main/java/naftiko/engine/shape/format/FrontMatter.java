package naftiko.engine.shape.format;

/**
 * Splits a Markdown document into its YAML front matter (a first line {@code ---}, closed by a
 * line {@code ---} or {@code ...}) and the Markdown after it. No closing line: no front matter.
 */
record FrontMatter(String yaml, String markdown) {
    static FrontMatter split(String text) {
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals("---")) {
            return new FrontMatter(null, text);
        }
        int start = next(text, firstEnd);
        for (int pos = start; pos < text.length(); ) {
            int end = lineEnd(text, pos);
            String line = text.substring(pos, end).strip();
            if (line.equals("---") || line.equals("...")) {
                return new FrontMatter(text.substring(start, pos), text.substring(next(text, end)));
            }
            pos = next(text, end);
        }
        return new FrontMatter(null, text);
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
            lineEnd++;
            if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                lineEnd++;
            }
            return lineEnd;
        }
        return Math.min(text.length(), lineEnd + 1);
    }
}
