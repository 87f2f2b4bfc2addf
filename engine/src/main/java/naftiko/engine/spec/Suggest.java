package naftiko.engine.spec;

import java.util.Collection;

/** {@code did you mean 'x'?} hints: the closest candidate by edit distance, if close enough. */
public final class Suggest {
    private Suggest() {}

    /** The hint text, or null when no candidate is close to {@code wrong}. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        String best = closest(wrong, candidates);
        return best == null ? null : "did you mean '" + best + "'?";
    }

    public static String closest(String wrong, Collection<String> candidates) {
        if (wrong == null) return null;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(wrong)) continue;
            int d = distance(wrong.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) return null;
        int limit = Math.max(2, Math.min(wrong.length(), best.length()) / 3);
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
