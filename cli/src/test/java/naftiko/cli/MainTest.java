package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A command line naming a subcommand builds only that one; anything else gets every subcommand, in help order. */
class MainTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLine("run", "x.yaml", "--dry-run").getSubcommands()).containsOnlyKeys("run");
        assertThat(Main.commandLine("validate").getSubcommands()).containsOnlyKeys("validate");
    }

    @Test
    void helpVersionAndUnknownWordsGetEverySubcommandInOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"rnu"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet())
                    .containsExactly("validate", "call", "run", "inspect", "list");
        }
    }
}
