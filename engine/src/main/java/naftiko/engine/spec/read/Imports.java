package naftiko.engine.spec.read;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.Suggest;
import naftiko.engine.spec.YamlSource;
import naftiko.engine.spec.model.Consumes;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Resolves imported consumes (§5.2): {@code location} is a path relative to the importing file's
 * folder; the entry whose namespace equals {@code import} is read from that file's root
 * {@code consumes} and renamed by {@code as}. Nested imports are followed; cycles and missing files
 * or namespaces are diagnostics. An import that fails yields an empty consumes so later checks
 * do not pile up consequences of the same mistake.
 */
public final class Imports {
    private final Path importingFile;
    private final List<Path> chain;

    public Imports(Path importingFile) {
        this(importingFile, List.of());
    }

    private Imports(Path importingFile, List<Path> chain) {
        this.importingFile = importingFile;
        List<Path> c = new ArrayList<>(chain);
        c.add(normal(importingFile));
        this.chain = List.copyOf(c);
    }

    Consumes resolve(YamlMap m) {
        String location = m.requiredString("location");
        String importNs = Names.kebab(m, "import", true);
        String as = Names.kebab(m, "as", false);
        m.known("description");
        m.unknownFields();
        String localNs = as != null ? as : importNs;
        var imported = new Consumes.Import(location, importNs, as, m.pos());
        Consumes failed = new Consumes(localNs, "", m.string("description"), List.of(), null, List.of(), imported, m.pos());
        if (location == null || importNs == null) return failed;
        Path target;
        try {
            target = targetOf(location);
        } catch (InvalidPathException e) {
            m.report().error(Rules.IMPORT_MISSING_FILE, "import location '" + location + "' is not a valid path", null, m.pos("location"));
            return failed;
        }
        if (!Files.isRegularFile(target)) {
            m.report().error(Rules.IMPORT_MISSING_FILE, "imported file '" + location + "' not found (looked for " + target + ")",
                    "location is relative to the folder of the importing file", m.pos("location"));
            return failed;
        }
        if (chain.contains(normal(target))) {
            m.report().error(Rules.IMPORT_CYCLE, "import cycle: '" + location + "' is already being imported by this chain", null, m.pos("location"));
            return failed;
        }
        Report targetReport = m.report().forFile(target);
        Node root = YamlSource.read(target, targetReport);
        if (root == null) {
            m.report().error(Rules.IMPORT_MISSING_FILE, "imported file '" + location + "' could not be read (see its own diagnostics)",
                    null, m.pos("location"));
            return failed;
        }
        YamlMap doc = YamlMap.of(root, targetReport, "root of " + location);
        if (doc == null || !doc.has("consumes")) {
            m.report().error(Rules.IMPORT_UNKNOWN_NAMESPACE, "imported file '" + location + "' has no root 'consumes' list", null, m.pos("location"));
            return failed;
        }
        List<Node> entries = doc.list("consumes");
        List<String> namespaces = new ArrayList<>();
        Imports nested = new Imports(target, chain);
        for (int i = 0; i < entries.size(); i++) {
            YamlMap e = YamlMap.of(entries.get(i), targetReport, "consumes #" + (i + 1) + " of " + location);
            if (e == null) continue;
            String ns = e.has("location") || e.has("import") ? (e.has("as") ? e.string("as") : e.string("import")) : e.string("namespace");
            namespaces.add(ns);
            if (!importNs.equals(ns)) continue;
            Consumes c = e.has("location") || e.has("import") ? nested.resolve(e) : ConsumesReader.inline(e);
            return new Consumes(localNs, c.baseUri(), c.description(), c.inputParameters(), c.authentication(), c.resources(),
                    imported, m.pos());
        }
        m.report().error(Rules.IMPORT_UNKNOWN_NAMESPACE, "namespace '" + importNs + "' not found in '" + location + "'",
                namespaces.isEmpty() ? null : Suggest.didYouMean(importNs, namespaces) != null ? Suggest.didYouMean(importNs, namespaces)
                        : "it declares: " + String.join(", ", namespaces), m.pos("import"));
        return failed;
    }

    private Path targetOf(String location) {
        String l = location;
        if (l.startsWith("file:///")) {
            String rest = l.substring("file://".length());
            if (rest.startsWith("/./") || rest.startsWith("/../")) l = rest.substring(1);
            else return Path.of(rest);
        } else if (l.startsWith("file://")) {
            l = l.substring("file://".length());
        }
        Path dir = importingFile.toAbsolutePath().getParent();
        return dir.resolve(l).normalize();
    }

    private static Path normal(Path p) {
        try {
            return p.toRealPath();
        } catch (Exception e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
