package naftiko.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "call", mixinStandardHelpOptions = true, description = "not written yet")
public final class CallCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("naftiko call: not written yet");
        return 2;
    }
}
