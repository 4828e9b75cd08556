package io.github.latentlab.fuzz;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.latentlab.util.NoJavaSerialization;

/**
 * A worker JVM of the fuzzing harness: reads "TARGET\tPATH" lines on stdin, reads each case as
 * the app would and answers "RESULT\tOUTCOME\tMILLIS\tPEAK_KB\tMESSAGE" on stdout. OUTCOME is
 * ACCEPTED (the file loaded), REFUSED (the reader's own refusal, with a message that says
 * something) or FAILED (anything else). A native crash or a hang ends or stalls the process;
 * the harness sees that from outside. PEAK_KB is the resident memory the case added on top of
 * the worker's resident size before it (Linux: VmHWM after resetting it through clear_refs).
 */
public final class FuzzWorker {
    private FuzzWorker() { }

    public static void main(String[] args) throws Exception {
        NoJavaSerialization.install(); // as Main does
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // readers' own printing must not mix with the answers
        protocol.println("READY\t" + residentKb("VmRSS"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t", 2);
            FuzzTarget target = FuzzTargets.byName(parts[0]);
            resetPeak();
            long before = residentKb("VmRSS");
            long t0 = System.nanoTime();
            String outcome, message;
            try {
                target.read(Path.of(parts[1]));
                outcome = "ACCEPTED";
                message = "";
            } catch (Throwable t) {
                message = t.getMessage() == null ? "" : t.getMessage();
                if (target.isRefusal(t) && MessageCheck.saysSomething(message)) {
                    outcome = "REFUSED";
                } else {
                    outcome = "FAILED";
                    message = t.getClass().getName() + ": " + message + at(t);
                }
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long peak = Math.max(0, residentKb("VmHWM") - before);
            protocol.println("RESULT\t" + outcome + "\t" + millis + "\t" + peak + "\t" + message.replace('\n', ' ').replace('\t', ' '));
        }
    }

    private static String at(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, st.length); i++) sb.append(" at ").append(st[i]);
        return sb.toString();
    }

    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception | Error ignored) {
            // not Linux, or not allowed: VmHWM then is the process's peak so far
        }
    }

    /** A line of /proc/self/status in kB, or 0 where there is none. */
    static long residentKb(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field + ":")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return 0;
    }
}
