package naftiko.engine.spec;

/** Every rule id a diagnostic can carry. Leniency rules (warnings, errors under --strict) are marked. */
public final class Rules {
    private Rules() {}

    // Reading the file
    public static final String FILE_UNREADABLE = "file-unreadable";
    public static final String FILE_EMPTY = "file-empty";
    public static final String FILE_BINARY = "file-binary";
    public static final String FILE_TOO_LARGE = "file-too-large";
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String YAML_LIMIT = "yaml-limit";
    public static final String LOADER_FAILURE = "loader-failure";
    public static final String ROOT_NOT_MAPPING = "root-not-mapping";
    public static final String DUPLICATE_KEY = "duplicate-key";

    // Shape
    public static final String NAFTIKO_VERSION = "naftiko-version";
    public static final String DOCUMENT_SHAPE = "document-shape";
    public static final String REQUIRED_FIELD = "required-field";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String INVALID_VALUE = "invalid-value";
    public static final String BASEURI_TRAILING_SLASH = "baseuri-trailing-slash";
    public static final String IMPORT_MISSING_FILE = "import-missing-file";
    public static final String IMPORT_UNKNOWN_NAMESPACE = "import-unknown-namespace";
    public static final String IMPORT_CYCLE = "import-cycle";
    public static final String SCRIPT_STEPS_UNSUPPORTED = "script-steps-unsupported";

    // Checks beyond shape
    public static final String UNKNOWN_CALL = "unknown-call";
    public static final String UNKNOWN_REF = "unknown-ref";
    public static final String UNKNOWN_FORWARD_TARGET = "unknown-forward-target";
    public static final String UNKNOWN_SKILL_SOURCE = "unknown-skill-source";
    public static final String UNKNOWN_LOOKUP_INDEX = "unknown-lookup-index";
    public static final String DUPLICATE_STEP = "duplicate-step";
    public static final String DUPLICATE_NAMESPACE = "duplicate-namespace";
    public static final String DUPLICATE_ADDRESS = "duplicate-address";
    public static final String DUPLICATE_OPERATION = "duplicate-operation";
    public static final String DUPLICATE_FUNCTION = "duplicate-function";
    public static final String DUPLICATE_TOOL = "duplicate-tool";
    public static final String UNFILLABLE_PLACEHOLDER = "unfillable-placeholder";
    public static final String TOOL_NAME_INVALID = "tool-name-invalid";
    public static final String UNDECLARED_BIND_VARIABLE = "undeclared-bind-variable";
    public static final String UNDECLARED_VARIABLE = "undeclared-variable";
    public static final String NO_EXPOSES = "no-exposes";
    public static final String AMBIGUOUS_INPUT_NAME = "ambiguous-input-name";

    // Leniency (REAL-WORLD.md A/B): warnings by default, errors under --strict
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String BASEURI_EMPTY = "baseuri-empty";
    public static final String BASEURI_PATTERN = "baseuri-pattern";
    public static final String CONSUMED_PARAM_EXTRA_FIELDS = "consumed-param-extra-fields";
    public static final String REST_DESCRIPTION = "rest-description";
    public static final String OUTPUT_WITHOUT_PROPERTIES = "output-without-properties";
    public static final String WITH_ADAPTER_ALIAS = "with-adapter-alias";
    public static final String WITH_THIS_PREFIX = "with-this-prefix";
    public static final String PATH_SINGLE_BRACE = "path-single-brace";
    public static final String NAME_PATTERN = "name-pattern";
    public static final String METHOD_CASE = "method-case";
    public static final String SCALAR_TYPE = "scalar-type";
    public static final String OUTPUT_PROPERTIES_LIST = "output-properties-list";
    public static final String MISSING_DOCUMENTATION = "missing-documentation";
    public static final String BODY_WITHOUT_DATA = "body-without-data";
    public static final String METHOD_EXTENSION = "method-extension";
    public static final String SKILL_ADAPTER_EMPTY = "skill-adapter-empty";
}
