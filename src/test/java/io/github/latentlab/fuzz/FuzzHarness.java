package io.github.latentlab.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Seeded fuzzing of every file reader in worker JVMs: for each {@link FuzzTarget}, mutations of
 * its genuine files are written as cases and read by workers started here, so a native crash
 * (the worker dies) or a hang (no answer within the timeout: the worker is killed) is caught as
 * well as any exception that is not the reader's own refusal. The same seed gives the same
 * cases. See docs/fuzzing.md for the quick run in {@code ./mvnw verify} and the long run.
 */
public final class FuzzHarness {
    /** One case's result; kind is ACCEPTED, REFUSED, FAILED, CRASHED, HUNG or MODIFIED. */
    public record Outcome(String target, Path file, String mutation, String kind, long millis, long peakKb, String message) {
        public boolean bad() { return !kind.equals("ACCEPTED") && !kind.equals("REFUSED"); }
    }

    private record Case(FuzzTarget target, Path file, String mutation) { }

    private FuzzHarness() { }

    public static List<Outcome> run(Path work, long seed, int casesPerTarget, int workers, Duration timeout)
            throws Exception {
        List<Case> cases = new ArrayList<>();
        for (FuzzTarget target : FuzzTargets.selected()) {
            Path dir = Files.createDirectories(work.resolve(target.name()));
            List<Path> seeds = target.seeds(Files.createDirectories(dir.resolve("seeds")));
            for (int i = 0; i < casesPerTarget; i++) {
                Path from = seeds.get(i % seeds.size());
                Mutator m = new Mutator(seed * 1_000_003L + target.name().hashCode() * 31L + i);
                byte[] mutated = m.mutate(Files.readAllBytes(from));
                String name = from.getFileName().toString();
                Path file = dir.resolve(String.format("case-%04d-%s", i, name));
                Files.write(file, mutated);
                cases.add(new Case(target, file, m.description()));
            }
        }
        Map<Path, byte[]> before = new HashMap<>();
        for (Case c : cases) before.put(c.file(), Files.readAllBytes(c.file()));
        ConcurrentLinkedQueue<Case> todo = new ConcurrentLinkedQueue<>(cases);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> drive(work, todo, outcomes, timeout), "fuzz-driver-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        // reading a file must never change it or its folder
        for (Case c : cases) {
            if (!Arrays.equals(Files.readAllBytes(c.file()), before.get(c.file()))) {
                outcomes.add(new Outcome(c.target().name(), c.file(), c.mutation(), "MODIFIED", 0, 0, "reading changed the file"));
            }
        }
        for (FuzzTarget target : FuzzTargets.selected()) {
            try (var files = Files.list(work.resolve(target.name()))) {
                long n = files.count();
                if (n != casesPerTarget + 1) { // the cases and the seeds folder
                    outcomes.add(new Outcome(target.name(), work.resolve(target.name()), "", "MODIFIED", 0, 0,
                            "the cases' folder holds " + n + " entries, not " + (casesPerTarget + 1)));
                }
            }
        }
        return outcomes;
    }

    /** Feeds cases to one worker JVM, replacing it after a crash or a hang. */
    private static void drive(Path work, ConcurrentLinkedQueue<Case> todo, List<Outcome> outcomes, Duration timeout) {
        Worker worker = null;
        try {
            Case c;
            while ((c = todo.poll()) != null) {
                if (worker == null) worker = Worker.start(work);
                String answer = worker.ask(c.target().name() + "\t" + c.file(), timeout);
                if (answer == null) {
                    boolean dead = !worker.process.isAlive();
                    worker.kill();
                    worker = null;
                    outcomes.add(new Outcome(c.target().name(), c.file(), c.mutation(), dead ? "CRASHED" : "HUNG",
                            timeout.toMillis(), 0, dead ? "the worker JVM died" : "no answer in " + timeout.toSeconds() + " s"));
                    continue;
                }
                String[] f = answer.split("\t", 5);
                outcomes.add(new Outcome(c.target().name(), c.file(), c.mutation(), f[1], Long.parseLong(f[2]),
                        Long.parseLong(f[3]), f.length > 4 ? f[4] : ""));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("fuzz worker could not be driven", e);
        } finally {
            if (worker != null) worker.kill();
        }
    }

    private static final class Worker {
        final Process process;
        final Writer in;
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        long baselineKb;

        private Worker(Process process) {
            this.process = process;
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) answers.add(line);
                } catch (IOException ignored) {
                    // the worker died: ask() sees no answer
                }
            }, "fuzz-worker-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Worker start(Path work) throws IOException, InterruptedException {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Djava.awt.headless=true", "-cp", cp, FuzzWorker.class.getName())
                    .directory(work.toFile()) // a native crash's hs_err file lands with the cases, not in the checkout
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("workers.log").toFile()));
            pb.environment().put("LATENTLAB_HOME", work.resolve("home").toString());
            Worker w = new Worker(pb.start());
            String ready = w.answers.poll(2, TimeUnit.MINUTES);
            if (ready == null || !ready.startsWith("READY")) throw new IOException("fuzz worker did not start: " + ready);
            w.baselineKb = Long.parseLong(ready.split("\t")[1]);
            return w;
        }

        /** The RESULT line for one case, or null if the worker died or did not answer in time. */
        String ask(String line, Duration timeout) throws InterruptedException {
            try {
                in.write(line + "\n");
                in.flush();
            } catch (IOException e) {
                return null;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String a = answers.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (a == null) return null;
                if (a.startsWith("RESULT\t")) return a;
            }
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    /** Per target: cases, outcomes, the slowest case and the largest resident-memory rise. */
    public static String report(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byTarget = new LinkedHashMap<>();
        for (FuzzTarget t : FuzzTargets.selected()) byTarget.put(t.name(), new ArrayList<>());
        for (Outcome o : outcomes) byTarget.get(o.target()).add(o);
        StringBuilder sb = new StringBuilder(String.format("%-13s %6s %9s %8s %7s %8s %5s %10s %12s%n", "reader", "cases",
                "accepted", "refused", "failed", "crashed", "hung", "slowest ms", "peak RSS MB"));
        for (var e : byTarget.entrySet()) {
            List<Outcome> os = e.getValue();
            Outcome slowest = os.stream().max(Comparator.comparingLong(Outcome::millis)).orElse(null);
            long peak = os.stream().mapToLong(Outcome::peakKb).max().orElse(0);
            sb.append(String.format("%-13s %6d %9d %8d %7d %8d %5d %10d %12.1f%n", e.getKey(), os.size(),
                    count(os, "ACCEPTED"), count(os, "REFUSED"), count(os, "FAILED"), count(os, "CRASHED"), count(os, "HUNG"),
                    slowest == null ? 0 : slowest.millis(), peak / 1024.0));
        }
        for (Outcome o : outcomes) {
            if (o.bad()) sb.append(o.kind()).append(' ').append(o.file().getFileName()).append(" (").append(o.mutation())
                    .append("): ").append(o.message()).append('\n');
        }
        return sb.toString();
    }

    private static long count(List<Outcome> os, String kind) {
        return os.stream().filter(o -> o.kind().equals(kind)).count();
    }
}
