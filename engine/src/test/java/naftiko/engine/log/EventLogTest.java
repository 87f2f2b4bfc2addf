package naftiko.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @AfterEach
    void restore() {
        EventLog.configure(LogFormat.TEXT, LogLevel.INFO, null);
    }

    @Test
    void requestLinesAreWrittenInOrderAndAnEventWaitsForItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventLog.configure(LogFormat.TEXT, LogLevel.INFO, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (int i = 0; i < 100; i++) {
            EventLog.request("r" + i, "rest", "u", "GET", "/p", "200", 200, 1_000_000);
        }
        EventLog.event(LogLevel.INFO, "mounted", Map.of("file", "a.yaml"));
        // the event returned: its line and every line queued before it are written
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(101);
        for (int i = 0; i < 100; i++) assertThat(lines[i]).contains(" request request_id=r" + i + " ");
        assertThat(lines[100]).endsWith(" INFO mounted file=a.yaml");
    }

    @Test
    void aStuckStreamNeverBlocksRequestLoggingAndDroppedLinesAreCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) {
                await();
                sink.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                await();
                sink.write(b, off, len);
            }

            private void await() {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        EventLog.configure(LogFormat.TEXT, LogLevel.INFO, new PrintStream(stuck, true, StandardCharsets.UTF_8));
        int lines = LogWriter.CAPACITY + 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) EventLog.request("r" + i, "rest", "u", "GET", "/p", "200", 0, 0);
        // with the stream stuck, the calls above only queued or dropped: none of them waited 10 s
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        release.countDown();
        EventLog.event(LogLevel.WARN, "after", Map.of());
        String text = sink.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(" WARN log-lines-dropped count=").contains(" WARN after");
        long written = text.lines().filter(l -> l.contains(" request ")).count();
        assertThat(written).isLessThan(lines).isGreaterThanOrEqualTo(LogWriter.CAPACITY);
    }
}
