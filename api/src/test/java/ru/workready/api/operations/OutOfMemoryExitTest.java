package ru.workready.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's scenario ends with the node exited, not deaf: a JVM whose worker thread runs out of heap stays up
 * answering nothing, unless it runs with the JVM flags every documented way of running the app sets
 * ({@code spring-boot:run}'s jvmArguments and the container image's jvmFlags, read from api/pom.xml): then it exits
 * (code 3) for its supervisor to restart it.
 */
class OutOfMemoryExitTest {

    @Test
    void theDocumentedFlagsMakeANodeOutOfHeapExit() throws Exception {
        List<String> flags = documentedFlags();
        assertThat(flags).contains("-XX:+ExitOnOutOfMemoryError");
        Process node = start(flags);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the node exits").isTrue();
        assertThat(node.exitValue()).isEqualTo(3);
    }

    /** The run commands of README.md and docs/operations.md carry the same flags as spring-boot:run and the image. */
    @Test
    void theDocumentedRunCommandsCarryTheFlags() throws IOException {
        List<String> flags = documentedFlags();
        assertThat(flags).contains("-XX:CompileThresholdScaling=3");
        for (String doc : List.of("../README.md", "../docs/operations.md")) {
            List<String> commands = Files.readAllLines(Path.of(doc)).stream()
                    .filter(line -> line.matches(".*java .*-jar api/target/workready-api.*")).toList();
            assertThat(commands).as(doc).isNotEmpty();
            for (String command : commands) {
                assertThat(command).as(doc).contains(flags);
            }
        }
    }

    @Test
    void withoutThemTheNodeStaysUpDeaf() throws Exception {
        Process node = start(List.of());
        try {
            assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("still running after its worker died").isFalse();
        } finally {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The JVM flags of api/pom.xml: spring-boot:run's jvmArguments and the image's jvmFlag entries. */
    private static List<String> documentedFlags() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> flags = new ArrayList<>();
        Matcher run = Pattern.compile("<jvmArguments>([^<]*)</jvmArguments>").matcher(pom);
        while (run.find()) {
            flags.addAll(List.of(run.group(1).strip().split("\\s+")));
        }
        Matcher image = Pattern.compile("<jvmFlag>([^<]*)</jvmFlag>").matcher(pom);
        while (image.find()) {
            flags.add(image.group(1).strip());
        }
        return flags.stream().filter(f -> !f.startsWith("-XX:MaxRAMPercentage")).distinct().toList();
    }

    private static Process start(List<String> flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx32m"));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OutOfHeapNode.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
