package naftiko.engine.run;

import java.util.List;
import java.util.Map;
import naftiko.engine.spec.model.McpPrompt;

/** An MCP prompt: arguments and the messages they fill (SPEC.md §14.4, §10.6). */
public interface McpPromptUnit {

    String name();

    String title();

    String description();

    List<McpPrompt.Argument> arguments();

    /**
     * Renders the messages; argument values are inserted literally and never re-interpreted.
     * Fails with {@link UnitFailure} BAD_INPUT naming missing required arguments.
     */
    List<McpPrompt.Message> render(Map<String, String> arguments);
}
