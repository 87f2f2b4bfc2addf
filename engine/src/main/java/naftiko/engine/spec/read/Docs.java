package naftiko.engine.spec.read;

import naftiko.engine.spec.Rules;

/** Documentation fields the schema requires but nothing at run time needs: missing ones are tolerated. */
final class Docs {
    private Docs() {}

    static String string(YamlMap m, String key) {
        String v = m.string(key);
        if (v == null && !m.has(key)) {
            m.report().leniency(Rules.MISSING_DOCUMENTATION, m.what() + " has no '" + key + "'",
                    "add a " + key + ": people and agents read it", m.pos());
        }
        return v;
    }
}
