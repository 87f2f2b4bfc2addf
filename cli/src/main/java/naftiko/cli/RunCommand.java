package naftiko.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "not written yet")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("naftiko run: not written yet");
        return 2;
    }
}
